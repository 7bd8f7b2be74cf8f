import { createHmac } from 'node:crypto';
import jwt from '../../../checks/secrets/jwt.ts';
import { testCheck } from '../../support/check-tester.ts';

/** A JWT signed with HMAC-SHA256 over the given claims: built here, so no test source holds one. */
function token(claims: Record<string, unknown>, signature?: string): string {
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signed = signature ?? createHmac('sha256', `key-for-${payload.length}`).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signed}`;
}

const SESSION = token({ iss: 'https://auth.acme-corp.io/', sub: 'usr_4f8k2m9q', aud: 'orders-api', scope: 'orders:write', iat: 1735689600, exp: 1893456000 });
const SERVICE_ROLE = token({ iss: 'supabase', ref: 'kqzvbnvxgmwhfopelrtd', role: 'service_role', iat: 1710000000, exp: 2025576000 });

testCheck(jwt, {
  valid: [
    {
      name: "jwt.io's sample token",
      code: `const SAMPLE = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';`,
    },
    { name: 'a token minted for tests', code: `const TEST_TOKEN = '${token({ iss: 'https://auth.test', sub: 'test-user', exp: 4102444800 })}';` },
    { name: 'a public (anon) Supabase key', code: `SUPABASE_ANON_KEY=${token({ iss: 'supabase', ref: 'kqzvbnvxgmwhfopelrtd', role: 'anon', iat: 1710000000, exp: 2025576000 })}\n`, filename: '.env' },
    { name: 'toy timestamps', code: `const signed = '${token({ iat: -30, exp: 570, iss: 1 })}';` },
    { name: 'a signature that is readable text', code: `const logged = '${token({ iss: 4242, sub: 'app' }, Buffer.from('signature-value-here').toString('base64url'))}';` },
    { name: 'a pagination cursor (one segment)', code: `const nextPageToken = 'eyJwYWdlIjoyLCJzaXplIjo1MH0';` },
  ],
  invalid: [
    {
      code: `const client = axios.create({\n  headers: { Authorization: 'Bearer ${SESSION}' },\n});`,
      errors: [{ messageId: 'found', line: 2, column: 37, messageIncludes: 'eyJh****' }],
    },
    { code: `SUPABASE_SERVICE_ROLE_KEY=${SERVICE_ROLE}\n`, filename: '.env', errors: [{ messageId: 'found', line: 1, column: 27 }] },
    { code: `auth:\n  bearer: ${SESSION}\n`, filename: 'config/client.yml', errors: [{ messageId: 'found', line: 2 }] },
  ],
});
