#!/usr/bin/env node
// Checks the Node.js version before anything else, so an old Node says what it needs instead of
// failing on a missing API. Written for old engines on purpose: CommonJS, `var`, no arrow
// functions, and `import()` kept out of the parser's sight until the check has passed.
'use strict';

var REQUIRED_MAJOR = 22;
var found = process.versions.node;

if (parseInt(found.split('.')[0], 10) < REQUIRED_MAJOR) {
  process.stderr.write('twelve-factor-review needs Node.js ' + REQUIRED_MAJOR + ' or later (found ' + found + ')\n');
  process.exit(2);
}

var fs = require('fs');
var path = require('path');
var url = require('url');

// The compiled CLI in a package or after `npm run build`; the TypeScript sources in a checkout.
var compiled = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
var entry = fs.existsSync(compiled) ? compiled : path.join(__dirname, '..', 'src', 'cli', 'main.ts');
var importModule = new Function('specifier', 'return import(specifier)');
importModule(url.pathToFileURL(entry).href).catch(function (error) {
  process.stderr.write('twelve-factor-review: ' + String((error && error.message) || error).split('\n')[0] + '\n');
  process.exitCode = 2;
});
