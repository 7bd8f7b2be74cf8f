#!/usr/bin/env node
// Runs the compiled CLI when built (npm run build), else the TypeScript sources (Node >= 22.18).
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/src/cli/main.js', import.meta.url);
await import(existsSync(compiled) ? compiled.href : new URL('../src/cli/main.ts', import.meta.url).href);
