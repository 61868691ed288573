// Validates `tovrun check --json` output against the JSON Schema shipped in templates/check-report.schema.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { repositoryRoot } from '../../env/support/workspace.js';

const schema = JSON.parse(readFileSync(path.join(repositoryRoot, 'templates', 'check-report.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

/** The schema violations of a parsed report, as readable lines; [] when it is valid. */
export function reportSchemaErrors(report: unknown): string[] {
  return validate(report) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? ''}`);
}
