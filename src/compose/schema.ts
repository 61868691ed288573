/** The Compose specification's JSON Schema, vendored in templates/ (see compose-spec.schema.md), compiled once with ajv. */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { templatePath } from '../paths.js';

/** Where the vendored schema came from. */
export const composeSchemaSource = 'npm dclint@3.1.0, package/schemas/compose.schema.json (compose-spec/compose-spec schema/compose-spec.json)';
/** The sha256 of templates/compose-spec.schema.json; a test keeps the file and this pin in step. */
export const composeSchemaSha256 = '46b7d35f19dd93a05f8fea530291bf84d881c1791ec167ecf0e6fb94e639d496';
/** The vendored schema's file. */
export const composeSchemaFile = templatePath('compose-spec.schema.json');

let compiled: ValidateFunction | undefined;

/** The compiled validator (the schema's draft-07 `$schema` URL is dropped: ajv knows draft-07 without it). */
export function composeSchemaValidator(): ValidateFunction {
  if (compiled) return compiled;
  const schema = JSON.parse(readFileSync(composeSchemaFile, 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  compiled = new Ajv({ strict: false, allErrors: true }).compile(schema);
  return compiled;
}

/** The schema errors of a (fully interpolated) compose document; empty when it is valid. */
export function composeSchemaErrors(value: unknown): ErrorObject[] {
  const validate = composeSchemaValidator();
  return validate(value) ? [] : [...(validate.errors ?? [])];
}
