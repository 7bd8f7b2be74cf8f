import check from '../../../checks/processes/no-local-upload-storage/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: 'multer memory storage',
      code: `import multer from 'multer';\nconst upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 5e6 } });`,
    },
    {
      name: 'multer-s3 storage engine',
      code: `import multer from 'multer';\nimport multerS3 from 'multer-s3';\nconst upload = multer({ storage: multerS3({ s3, bucket: process.env.BUCKET }) });`,
    },
    {
      name: 'multer without options keeps files in memory',
      code: `const multer = require('multer');\nconst upload = multer();\napp.post('/avatar', upload.single('avatar'), handler);`,
    },
    {
      name: 'a dest option on something that is not multer',
      code: `import multer from 'multer';\nimport copy from 'rollup-plugin-copy';\ncopy({ targets: [{ src: 'a', dest: 'dist/public' }] });`,
    },
    {
      name: 'uploadDir assigned without formidable',
      code: `import multer from 'multer';\nconst settings = { uploadDir: '' };\nsettings.uploadDir = 'files';`,
    },
    {
      name: 'busboy streaming to S3',
      code: `import busboy from 'busboy';\nconst bb = busboy({ headers: req.headers });\nbb.on('file', (name, file) => {\n  s3.upload({ Bucket, Key: name, Body: file });\n});`,
    },
    {
      name: 'diskStorage options from another module cannot be judged',
      code: `import multer from 'multer';\nimport { storageOptions } from './config';\nconst storage = multer.diskStorage(storageOptions);`,
    },
    {
      name: 'koa-body multipart without uploadDir (formidable default)',
      code: `const { koaBody } = require('koa-body');\napp.use(koaBody({ multipart: true, formidable: { maxFileSize: 5e6 } }));`,
      filename: 'src/app.js',
    },
    {
      name: 'koa-body JSON only',
      code: `import { koaBody } from 'koa-body';\nrouter.post('/items', koaBody({ jsonLimit: '64kb' }), create);`,
    },
    {
      name: 'test code is exempt',
      filename: 'test/upload.test.ts',
      code: `import multer from 'multer';\nconst upload = multer({ dest: 'uploads/' });`,
    },
  ],
  invalid: [
    {
      code: `import multer from 'multer';\nconst upload = multer({ dest: 'uploads/' });`,
      errors: [{ messageId: 'localDirectory', line: 2, column: 25, messageIncludes: "'uploads/'" }],
    },
    {
      name: 'dest through a const options object',
      code: `const multer = require('multer');\nconst UPLOADS = path.join(__dirname, 'uploads');\nconst options = {\n  dest: UPLOADS,\n};\nmodule.exports = multer(options);`,
      filename: 'src/upload.js',
      errors: [{ messageId: 'localDirectory', line: 4 }],
    },
    {
      name: 'multer.diskStorage with a destination function',
      code: `import multer from 'multer';\nconst storage = multer.diskStorage({\n  destination: (req, file, cb) => cb(null, 'public/uploads'),\n  filename: (req, file, cb) => cb(null, file.originalname),\n});\nconst upload = multer({ storage });`,
      errors: [{ messageId: 'localDirectory', line: 2 }],
    },
    {
      name: 'diskStorage into the OS temporary directory is a notice',
      code: `import { diskStorage } from 'multer';\nimport os from 'node:os';\nconst storage = diskStorage({ destination: os.tmpdir() });`,
      errors: [{ messageId: 'temporaryDirectory', line: 3, severity: 'notice' }],
    },
    {
      name: 'formidable uploadDir option',
      code: `import formidable from 'formidable';\nconst form = formidable({ uploadDir: './uploads', keepExtensions: true });`,
      errors: [{ messageId: 'localDirectory', line: 2 }],
    },
    {
      name: 'new IncomingForm and form.uploadDir assignment',
      code: `const { IncomingForm } = require('formidable');\nconst form = new IncomingForm({ uploadDir: 'data' });\nconst other = new IncomingForm();\nother.uploadDir = 'files';`,
      filename: 'src/upload.js',
      errors: [
        { messageId: 'localDirectory', line: 2 },
        { messageId: 'localDirectory', line: 4 },
      ],
    },
    {
      name: 'koa-body formidable uploadDir',
      code: `const path = require('node:path');\nconst { koaBody } = require('koa-body');\napp.use(\n  koaBody({\n    multipart: true,\n    formidable: { uploadDir: path.join(__dirname, 'uploads'), keepExtensions: true },\n  }),\n);`,
      filename: 'src/app.js',
      errors: [{ messageId: 'localDirectory', line: 6 }],
    },
    {
      name: 'express-formidable uploadDir',
      code: `import formidable from 'express-formidable';\napp.use(formidable({ uploadDir: './uploads' }));`,
      errors: [{ messageId: 'localDirectory', line: 2, messageIncludes: "'./uploads'" }],
    },
    {
      name: 'busboy piping a file to the local disk',
      code: `import Busboy from 'busboy';\nimport fs from 'node:fs';\nconst bb = Busboy({ headers: req.headers });\nbb.on('file', (name, file, info) => {\n  file.pipe(fs.createWriteStream(path.join('uploads', info.filename)));\n});`,
      errors: [{ messageId: 'localDirectory', line: 5 }],
    },
  ],
});
