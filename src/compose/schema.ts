/**
 * The Compose specification's JSON Schema, vendored in templates/ (see compose-spec.schema.md), checked by the ajv
 * validator `npm run build` compiles from it ahead (scripts/compile-schemas.mjs): no schema is compiled at run time.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { templatePath } from '../paths.js';
import { validate } from './compose-schema.validate.js';

/** Where the vendored schema came from. */
export const composeSchemaSource = 'npm dclint@3.1.0, package/schemas/compose.schema.json (compose-spec/compose-spec schema/compose-spec.json)';
/** The sha256 of templates/compose-spec.schema.json; a test keeps the file and this pin in step. */
export const composeSchemaSha256 = '46b7d35f19dd93a05f8fea530291bf84d881c1791ec167ecf0e6fb94e639d496';
/** The vendored schema's file. */
export const composeSchemaFile = templatePath('compose-spec.schema.json');

const validateCompose = validate as unknown as ValidateFunction;

/** The schema errors of a (fully interpolated) compose document; empty when it is valid. */
export function composeSchemaErrors(value: unknown): ErrorObject[] {
  return validateCompose(value) ? [] : [...(validateCompose.errors ?? [])];
}
