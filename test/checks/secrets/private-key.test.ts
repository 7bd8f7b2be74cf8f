import { generateKeyPairSync } from 'node:crypto';
import privateKey from '../../../checks/secrets/private-key.ts';
import { testCheck } from '../../support/check-tester.ts';
import { fakeBody } from './fake-secret.ts';

const RSA = generateKeyPairSync('rsa', {
  modulusLength: 1024,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const EC = generateKeyPairSync('ec', {
  namedCurve: 'prime256v1',
  privateKeyEncoding: { type: 'sec1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
}).privateKey;
const PKCS8 = generateKeyPairSync('ed25519', {
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
}).privateKey;

const BEGIN = '-----BEGIN';
const END = '-----END';
/** An OpenSSH key: the `openssh-key-v1` magic, then key material. */
const OPENSSH = [
  `${BEGIN} OPENSSH PRIVATE KEY-----`,
  `b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW`,
  fakeBody('openssh-1', 70, 'base64'),
  fakeBody('openssh-2', 70, 'base64'),
  fakeBody('openssh-3', 70, 'base64'),
  `${END} OPENSSH PRIVATE KEY-----`,
].join('\n');
/** A PGP key block: armor headers, base64 body, CRC-24 line. */
const PGP = [
  `${BEGIN} PGP PRIVATE KEY BLOCK-----`,
  '',
  fakeBody('pgp-1', 64, 'base64'),
  fakeBody('pgp-2', 64, 'base64'),
  fakeBody('pgp-3', 40, 'base64'),
  `=${fakeBody('pgp-crc', 4, 'base64')}`,
  `${END} PGP PRIVATE KEY BLOCK-----`,
].join('\n');

testCheck(privateKey, {
  valid: [
    { name: 'an elided body in docs', code: `\`\`\`\n${BEGIN} RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA...\n${END} RSA PRIVATE KEY-----\n\`\`\`\n`, filename: 'docs/tls.md' },
    { name: 'a placeholder body', code: `const key = \`${BEGIN} PRIVATE KEY-----\n<your key here>\n${END} PRIVATE KEY-----\`;` },
    { name: 'a public key', code: RSA.publicKey, filename: 'certs/server.pub.pem' },
    { name: 'a body of no entropy', code: `${BEGIN} PRIVATE KEY-----\n${'A'.repeat(64)}\n${'A'.repeat(64)}\n${END} PRIVATE KEY-----\n`, filename: 'certs/empty.pem' },
    { name: 'a header named in prose', code: `Keys start with \`${BEGIN} PRIVATE KEY-----\`; never commit one.\n`, filename: 'docs/keys.md' },
    { name: 'a key read from the environment', code: `const key = process.env.SIGNING_KEY ?? '';\nconst pem = \`${BEGIN} PRIVATE KEY-----\\n\${key}\\n${END} PRIVATE KEY-----\`;` },
  ],
  invalid: [
    { code: RSA.privateKey, filename: 'certs/server.key', errors: [{ messageId: 'found', line: 1, column: 1, messageIncludes: 'RSA private key' }] },
    {
      name: 'an EC key (the preset misses these)',
      code: `import { sign } from 'node:crypto';\n\nconst key = \`${EC.trim()}\`;\nexport const signature = (data: Buffer) => sign(null, data, key);`,
      errors: [{ messageId: 'found', line: 3, column: 14, messageIncludes: 'EC private key' }],
    },
    { name: 'a key in a JSON string', code: `{\n  "signing_key": ${JSON.stringify(PKCS8)}\n}\n`, filename: 'config/signing.json', errors: [{ messageId: 'found', line: 2, messageIncludes: 'PKCS#8' }] },
    { code: `${OPENSSH}\n`, filename: 'keys/deploy_key', errors: [{ messageId: 'found', line: 1, endLine: 6 }] },
    { code: `${PGP}\n`, filename: 'keys/release.asc', errors: [{ messageId: 'found', line: 1, messageIncludes: 'PGP private key' }] },
  ],
});
