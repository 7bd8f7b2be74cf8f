import { generateKeyPairSync } from 'node:crypto';
import awsAccessKey from '../../../checks/secrets/aws-access-key.ts';
import awsAccountId from '../../../checks/secrets/aws-account-id.ts';
import awsSecretKey from '../../../checks/secrets/aws-secret-key.ts';
import azureConnectionString from '../../../checks/secrets/azure-connection-string.ts';
import gcpServiceAccountKey from '../../../checks/secrets/gcp-service-account-key.ts';
import googleApiKey from '../../../checks/secrets/google-api-key.ts';
import { testCheck } from '../../support/check-tester.ts';
import { fakeBody } from './fake-secret.ts';

const KEY_ID = `AKIA${fakeBody('aws-key-id', 16, 'upperDigits')}`;
const OTHER_KEY_ID = `AKIA${fakeBody('aws-key-id-2', 16, 'upperDigits')}`;
const SECRET = fakeBody('aws-secret', 40, 'base64');
const ACCOUNT = `4${fakeBody('aws-account', 11, 'digits')}`;

testCheck(awsAccessKey, {
  valid: [
    { name: "AWS's documented example key id", code: `const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE' };` },
    { name: 'a placeholder', code: `const credentials = { accessKeyId: 'AKIAXXXXXXXXXXXXXXXX' };` },
    { name: 'an environment lookup', code: `const credentials = { accessKeyId: process.env.AWS_ACCESS_KEY_ID };` },
    {
      name: 'the key id a presigned URL carries in the clear',
      code: `const link = 'https://bucket.s3.amazonaws.com/a.csv?X-Amz-Credential=${KEY_ID}%2F20241104%2Feu-west-1%2Fs3%2Faws4_request';`,
    },
    { name: 'an example file', code: `AWS_ACCESS_KEY_ID=${KEY_ID}\n`, filename: '.env.example' },
    { name: 'a documentation example', code: `An access key id looks like ${KEY_ID}.\n`, filename: 'docs/aws.md' },
    { name: 'an allowlisted value (config secrets.allow)', code: `const id = '${KEY_ID}';`, config: { secrets: { allow: [`^${KEY_ID}$`] } } },
  ],
  invalid: [
    {
      code: `import { S3Client } from '@aws-sdk/client-s3';\nconst s3 = new S3Client({ credentials: { accessKeyId: '${KEY_ID}', secretAccessKey } });`,
      errors: [{ messageId: 'found', line: 2, column: 56, messageIncludes: 'AKIA****' }],
    },
    { code: `AWS_REGION=eu-west-1\nAWS_ACCESS_KEY_ID=${OTHER_KEY_ID}\n`, filename: '.env', errors: [{ messageId: 'found', line: 2, column: 19 }] },
    { code: `[default]\naws_access_key_id = ${KEY_ID}\n`, filename: 'deploy/aws-credentials', errors: [{ messageId: 'found', line: 2 }] },
  ],
});

testCheck(awsSecretKey, {
  valid: [
    { name: "AWS's documented example secret", code: `aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n`, filename: 'deploy/aws-credentials' },
    { name: 'a git SHA under the name', code: `aws_secret_access_key = 3f786850e387550fdab836ed7e6dc881de23001b\n`, filename: 'deploy/aws-credentials' },
    { name: 'a template', code: `AWS_SECRET_ACCESS_KEY: \${AWS_SECRET_ACCESS_KEY}\n`, filename: 'docker-compose.yml' },
    { name: 'an environment lookup', code: `const s3 = new S3Client({ credentials: { secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY! } });` },
    { name: 'a sample file', code: `AWS_SECRET_ACCESS_KEY=${SECRET}\n`, filename: '.env.sample' },
    { name: 'the same value under a name that is no secret', code: `const checksum = '${SECRET}';` },
  ],
  invalid: [
    { code: `[default]\naws_secret_access_key = ${SECRET}\n`, filename: 'deploy/aws-credentials', errors: [{ messageId: 'found', line: 2, column: 25 }] },
    {
      code: `export const s3 = new S3Client({\n  credentials: { accessKeyId, secretAccessKey: '${SECRET}' },\n});`,
      errors: [{ messageId: 'found', line: 2, messageIncludes: `${SECRET.slice(0, 4)}****` }],
    },
    { code: `env:\n  AWS_SECRET_ACCESS_KEY: "${SECRET}"\n`, filename: 'deploy/values.yaml', errors: [{ messageId: 'found', line: 2 }] },
  ],
});

testCheck(awsAccountId, {
  valid: [
    { name: 'a sequential placeholder', code: `aws_account_id = "123456789012"\n`, filename: 'infra/main.tf' },
    { name: 'zeros', code: `aws_account_id = "000000000000"\n`, filename: 'infra/main.tf' },
    { name: 'a variable', code: `aws_account_id = var.account_id\n`, filename: 'infra/vars.tf' },
    { name: 'an account that is not an AWS account id', code: `const account = 'ACC-42';` },
  ],
  invalid: [
    { code: `locals {\n  aws_account_id = "${ACCOUNT}"\n}\n`, filename: 'infra/main.tf', errors: [{ messageId: 'found', line: 2, severity: 'notice' }] },
    { code: `AWS_ACCOUNT_ID=${ACCOUNT}\n`, filename: '.env', errors: [{ messageId: 'found', line: 1, column: 16, severity: 'notice' }] },
  ],
});

const SERVICE_ACCOUNT_KEY = generateKeyPairSync('ec', {
  namedCurve: 'prime256v1',
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
}).privateKey;

function serviceAccount(privateKey: string): string {
  return [
    '{',
    '  "type": "service_account",',
    '  "project_id": "acme-orders",',
    `  "private_key_id": "${fakeBody('gcp-key-id', 40, 'hex')}",`,
    `  "private_key": ${JSON.stringify(privateKey)},`,
    '  "client_email": "worker@acme-orders.iam.gserviceaccount.com"',
    '}',
  ].join('\n');
}

testCheck(gcpServiceAccountKey, {
  valid: [
    { name: 'a placeholder key', code: serviceAccount('-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n'), filename: 'credentials/sa.json' },
    { name: 'a template', code: serviceAccount('${GCP_PRIVATE_KEY}'), filename: 'credentials/sa.json' },
    { name: 'an example file', code: serviceAccount(SERVICE_ACCOUNT_KEY), filename: 'credentials/sa.example.json' },
    { name: 'a JSON file that is no service account (the private-key rule reports it)', code: `{ "private_key": ${JSON.stringify(SERVICE_ACCOUNT_KEY)} }`, filename: 'keys/signing.json' },
  ],
  invalid: [
    { code: serviceAccount(SERVICE_ACCOUNT_KEY), filename: 'credentials/sa.json', errors: [{ messageId: 'found', line: 5, column: 19 }] },
    {
      code: `{"type":"service_account","private_key_id":"${fakeBody('gcp-key-id-2', 40, 'hex')}","private_key":${JSON.stringify(SERVICE_ACCOUNT_KEY)}}`,
      filename: 'deploy/gcp.json',
      errors: [{ messageId: 'found', line: 1 }],
    },
  ],
});

const GOOGLE_KEY = `AIza${fakeBody('google-key', 35, 'base64url')}`;

testCheck(googleApiKey, {
  valid: [
    { name: 'a placeholder', code: `const maps = new Client({ key: 'AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX' });` },
    { name: 'an environment lookup', code: `const maps = new Client({ key: process.env.GOOGLE_MAPS_API_KEY });` },
    { name: 'too short to be a key', code: `const maps = new Client({ key: '${GOOGLE_KEY.slice(0, 30)}' });` },
    { name: 'an example file', code: `GOOGLE_API_KEY=${GOOGLE_KEY}\n`, filename: '.env.example' },
  ],
  invalid: [
    { code: `const maps = new Client({ key: '${GOOGLE_KEY}' });`, errors: [{ messageId: 'found', line: 1, column: 33, messageIncludes: 'AIza****' }] },
    { code: `<script>\n  firebase.initializeApp({ apiKey: "${GOOGLE_KEY}" });\n</script>\n`, filename: 'public/index.html', errors: [{ messageId: 'found', line: 2 }] },
    { code: `maps:\n  api_key: ${GOOGLE_KEY}\n`, filename: 'config/maps.yml', errors: [{ messageId: 'found', line: 2 }] },
  ],
});

const ACCOUNT_KEY = `${fakeBody('azure-account-key', 86, 'base64')}==`;
const SHARED_KEY = `${fakeBody('azure-shared-key', 43, 'base64')}=`;

testCheck(azureConnectionString, {
  valid: [
    {
      name: "Azurite's documented development key",
      code: `const local = 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;';`,
    },
    { name: 'a template', code: `const storage = \`DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=\${key};\`;` },
    { name: 'a placeholder', code: `AZURE_STORAGE=DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=<account-key>;\n`, filename: '.env' },
    { name: 'a key of no entropy', code: `const storage = 'AccountName=acme;AccountKey=${'A'.repeat(86)}==';` },
  ],
  invalid: [
    {
      code: `const storage = 'DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${ACCOUNT_KEY};EndpointSuffix=core.windows.net';`,
      errors: [{ messageId: 'found', line: 1, column: 77 }],
    },
    {
      code: `servicebus:\n  connection: Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=${SHARED_KEY}\n`,
      filename: 'config/bus.yml',
      errors: [{ messageId: 'found', line: 2 }],
    },
    {
      code: `export const upload = 'https://acme.blob.core.windows.net/x?sv=2022-11-02&sp=rw&se=2026-01-01&sig=${encodeURIComponent(SHARED_KEY)}';`,
      errors: [{ messageId: 'found', line: 1 }],
    },
  ],
});
