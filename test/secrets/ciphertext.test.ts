import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../checks/index.ts';
import { MemoryRepository } from '../../src/engine/repository.ts';
import { review } from '../../src/engine/review.ts';
import { fakeBody } from '../checks/secrets/fake-secret.ts';

/*
 * Ciphertext made to be committed is not a credential (RULES-kubernetes.md): SealedSecret
 * `encryptedData`, SOPS `ENC[…]` values and SOPS metadata, in any file kind. Values are made at
 * run time, so this file holds no credential-shaped literal.
 */

const base64 = (seed: string, length: number) => fakeBody(seed, length, 'base64');
/** A SOPS value as `sops --encrypt` writes it. */
const sopsValue = (seed: string, length: number) =>
  `ENC[AES256_GCM,data:${base64(`${seed}:data`, length)},iv:${base64(`${seed}:iv`, 43)}=,tag:${base64(`${seed}:tag`, 22)}==,type:str]`;
/** Plaintext that the keyword layer reports as a password, built from parts. */
const PASSWORD = ['Wq9#', 'kL2m', 'Zx81', 'Pd7!'].join('');

async function findingsOf(files: Record<string, string>): Promise<string[]> {
  const report = await review({ files: Object.entries(files).map(([path, content]) => ({ path, content })), repo: new MemoryRepository(files) }, { checks: CHECKS });
  expect(report.skipped).toEqual([]);
  return report.findings.map((finding) => `${finding.path}:${finding.line} ${finding.ruleId}`);
}

const SEALED_SECRET = `apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata:
  name: orders-db
  namespace: orders
  annotations:
    sealedsecrets.bitnami.com/cluster-wide: "false"
spec:
  encryptedData:
    DB_PASSWORD: Ag${base64('sealed-db', 690)}==
    STRIPE_SECRET_KEY: Ag${base64('sealed-stripe', 702)}
    api-token: AgB${base64('sealed-token', 400)}
  template:
    metadata:
      name: orders-db
      namespace: orders
    type: Opaque
`;

const SOPS_SECRET = `apiVersion: v1
kind: Secret
metadata:
    name: orders-db
type: Opaque
stringData:
    DB_PASSWORD: ${sopsValue('db', 16)}
    API_TOKEN: ${sopsValue('token', 40)}
sops:
    kms: []
    gcp_kms: []
    azure_kv: []
    hc_vault: []
    age:
        - recipient: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p
          enc: |
            -----BEGIN AGE ENCRYPTED FILE-----
            YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSB${base64('age-1', 30)}
            ${base64('age-2', 64)}
            -----END AGE ENCRYPTED FILE-----
    lastmodified: "2024-11-03T10:00:00Z"
    mac: ${sopsValue('mac', 88)}
    pgp: []
    encrypted_regex: ^(data|stringData)$
    version: 3.9.1
`;

describe('ciphertext is not a credential', () => {
  it('a SealedSecret produces nothing', async () => {
    expect(await findingsOf({ 'k8s/sealed-secret.yaml': SEALED_SECRET })).toEqual([]);
  });

  it('a SOPS-encrypted Secret produces nothing: no secrets/* finding and no committed-Secret finding', async () => {
    expect(await findingsOf({ 'k8s/orders-db.enc.yaml': SOPS_SECRET })).toEqual([]);
  });

  it('SOPS-encrypted JSON, .env and INI files produce nothing', async () => {
    const json = `{\n  "db_password": "${sopsValue('json-db', 20)}",\n  "api_secret": "${sopsValue('json-api', 44)}",\n  "sops": {\n    "mac": "${sopsValue('json-mac', 88)}",\n    "lastmodified": "2024-11-03T10:00:00Z",\n    "version": "3.9.1"\n  }\n}\n`;
    const dotenv = `DB_PASSWORD=${sopsValue('env-db', 20)}\nSESSION_SECRET=${sopsValue('env-session', 44)}\nsops_age__list_0__map_enc=-----BEGIN AGE ENCRYPTED FILE-----\\nYWdl${base64('env-age', 60)}\\n-----END AGE ENCRYPTED FILE-----\\n\nsops_mac=${sopsValue('env-mac', 88)}\nsops_version=3.9.1\n`;
    const ini = `[database]\npassword = ${sopsValue('ini-db', 20)}\n\n[sops]\nmac = ${sopsValue('ini-mac', 88)}\nversion = 3.9.1\n`;
    const findings = await findingsOf({ 'config/secrets.enc.json': json, 'deploy/.env.enc': dotenv, 'config/app.enc.ini': ini });
    expect(findings.filter((finding) => finding.includes(' secrets/'))).toEqual([]);
  });

  it('a value SOPS left unencrypted beside ciphertext is still reported', async () => {
    const text = `database:\n    db_password: "${PASSWORD}"\n    token: ${sopsValue('partial', 40)}\nsops:\n    mac: ${sopsValue('partial-mac', 88)}\n    encrypted_regex: ^token$\n    version: 3.9.1\n`;
    expect(await findingsOf({ 'config/app.enc.yaml': text })).toEqual(['config/app.enc.yaml:2 secrets/generic-password']);
  });

  it('a plain committed Secret is reported at its kind, and its credential on its own line', async () => {
    const secret = `apiVersion: v1
kind: Secret
metadata:
  name: orders-db
type: Opaque
data:
  username: ${Buffer.from('orders').toString('base64')}
  password: ${Buffer.from(PASSWORD).toString('base64')}
`;
    expect(await findingsOf({ 'k8s/orders-db.yaml': secret })).toEqual(['k8s/orders-db.yaml:2 config/no-committed-secret-manifest', 'k8s/orders-db.yaml:8 secrets/generic-password']);
  });
});
