/** A small JSON Schema (draft-07 subset) validator for tovrun's own schemas: every problem with its path. */
import { quoteText } from './service-name.js';

/** The schema keywords tovrun's schemas use. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  pattern?: string;
  description?: string;
  definitions?: Record<string, JsonSchema>;
}

/** One place where a value breaks its schema. */
export interface SchemaProblem {
  path: (string | number)[];
  /** What was expected there, in words. */
  expected: string;
  /** What was found, in words. */
  found: string;
  /** Set when the problem is an unknown key: the key's name. */
  unknownKey?: string;
}

/** Every problem of value against schema (root is the schema holding the definitions). */
export function validateSchema(value: unknown, schema: JsonSchema, root: JsonSchema = schema): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  visit(value, schema, root, [], problems);
  return problems;
}

/** The JSON type name of a value: null, array, integer, number, string, boolean or object. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function describe(value: unknown): string {
  const type = jsonTypeOf(value);
  if (type === 'object' || type === 'array') return `an ${type}`;
  return `${type} ${typeof value === 'string' ? quoteText(value, 80) : JSON.stringify(value)}`;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = jsonTypeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace(/^#\/definitions\//, '');
  const target = root.definitions?.[name];
  if (!target) throw new Error(`schema reference ${schema.$ref} not found`);
  return target;
}

function visit(value: unknown, given: JsonSchema, root: JsonSchema, path: (string | number)[], out: SchemaProblem[]): void {
  const schema = resolve(given, root);
  if (schema.enum && !schema.enum.some((allowed) => allowed === value)) {
    out.push({ path, expected: `one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`, found: describe(value) });
    return;
  }
  if (schema.type) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((type) => matchesType(value, type))) {
      out.push({ path, expected: types.join(' or '), found: describe(value) });
      return;
    }
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) out.push({ path, expected: `a number >= ${schema.minimum}`, found: describe(value) });
    if (schema.maximum !== undefined && value > schema.maximum) out.push({ path, expected: `a number <= ${schema.maximum}`, found: describe(value) });
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) out.push({ path, expected: 'a non-empty string', found: describe(value) });
    if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) out.push({ path, expected: `a string matching ${schema.pattern}`, found: describe(value) });
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, index) => visit(item, schema.items as JsonSchema, root, [...path, index], out));
  }
  if (jsonTypeOf(value) === 'object') visitObject(value as Record<string, unknown>, schema, root, path, out);
}

function visitObject(value: Record<string, unknown>, schema: JsonSchema, root: JsonSchema, path: (string | number)[], out: SchemaProblem[]): void {
  for (const key of schema.required ?? []) {
    if (!(key in value)) out.push({ path: [...path, key], expected: `the key "${key}"`, found: 'nothing' });
  }
  for (const [key, child] of Object.entries(value)) {
    const known = schema.properties?.[key];
    if (known) {
      visit(child, known, root, [...path, key], out);
    } else if (schema.additionalProperties === false) {
      const allowed = Object.keys(schema.properties ?? {});
      out.push({ path: [...path, key], expected: `one of the keys ${allowed.join(', ')}`, found: `unknown key ${quoteText(key)}`, unknownKey: key });
    } else if (typeof schema.additionalProperties === 'object') {
      visit(child, schema.additionalProperties, root, [...path, key], out);
    }
  }
}
