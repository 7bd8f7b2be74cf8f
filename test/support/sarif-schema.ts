import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';

const schema: object = JSON.parse(
  readFileSync(new URL('../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8'),
);
// The schema's `language` pattern has a stray `]` that is only legal without the `u` flag.
const ajv = new AjvDraft04.default({ allErrors: true, unicodeRegExp: false });
ajv.addFormat('uri', (value: string) => URL.canParse(value));
ajv.addFormat('uri-reference', (value: string) => !/[\s<>"{}|\\^`]/.test(value) && URL.canParse(value, 'file:///root/'));
ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));

/** Validates a parsed log against the SARIF 2.1.0 JSON schema; the errors are on `validateSarif.errors`. */
export const validateSarif = ajv.compile(schema);
