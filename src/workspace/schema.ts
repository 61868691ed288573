/**
 * tovrun.yaml against its JSON Schema (templates/tovrun.schema.json), checked by the ajv validator compiled ahead by
 * `npm run build` (scripts/compile-schemas.mjs), with every problem put in words: its path, what was expected, what was found.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { quoteText } from './service-name.js';
import { validate } from './tovrun-schema.validate.js';

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

const validateTovrunYaml = validate as unknown as ValidateFunction;

/** The JSON type name of a value: null, array, integer, number, string, boolean or object. */
function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** A value in words for "found …": its type, and a scalar's value quoted safely and shortened. */
function describeValue(value: unknown): string {
  const type = jsonTypeOf(value);
  if (type === 'object' || type === 'array') return `an ${type}`;
  if (typeof value === 'number' && !Number.isFinite(value)) return `number ${String(value)}`;
  return `${type} ${typeof value === 'string' ? quoteText(value, 80) : JSON.stringify(value)}`;
}

/** An ajv instancePath (`/services/api/port`) as path segments into root: an array's indexes as numbers, keys as strings. */
function pathOf(pointer: string, root: unknown): (string | number)[] {
  if (pointer === '') return [];
  let parent = root;
  return pointer
    .slice(1)
    .split('/')
    .map((part) => {
      const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
      const segment = Array.isArray(parent) ? Number(key) : key;
      parent =
        parent !== null && typeof parent === 'object' && Object.hasOwn(parent, segment) ? (parent as Record<string | number, unknown>)[segment] : undefined;
      return segment;
    });
}

/** What one ajv error expected, in words (verbose errors carry the schema value of their keyword). */
function expectedText(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return `one of ${(params.allowedValues as unknown[]).map((allowed) => JSON.stringify(allowed)).join(', ')}`;
    case 'type':
      return Array.isArray(error.schema) ? (error.schema as string[]).join(' or ') : String(params.type);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
      return `a number ${String(params.comparison)} ${String(params.limit)}`;
    case 'minLength':
      return params.limit === 1 ? 'a non-empty string' : `a string of at least ${String(params.limit)} characters`;
    case 'pattern':
      return `a string matching ${String(params.pattern)}`;
    default:
      return error.message ?? error.keyword;
  }
}

/** One problem in words, or undefined for an error left to service-rules.ts (a service's name, said better there). */
function problemOf(error: ErrorObject, root: unknown): SchemaProblem | undefined {
  const path = pathOf(error.instancePath, root);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'propertyNames' || 'propertyName' in error) return undefined;
  if (error.keyword === 'additionalProperties') {
    const key = String(params.additionalProperty);
    const allowed = Object.keys((error.parentSchema?.properties as Record<string, unknown> | undefined) ?? {});
    return { path: [...path, key], expected: `one of the keys ${allowed.join(', ')}`, found: `unknown key ${quoteText(key)}`, unknownKey: key };
  }
  if (error.keyword === 'required') {
    const key = String(params.missingProperty);
    return { path: [...path, key], expected: `the key "${key}"`, found: 'nothing' };
  }
  return { path, expected: expectedText(error), found: describeValue(error.data) };
}

/**
 * Orders problems as their keys come in the value (the file's order), not as the validator met them (unknown keys of
 * an object first, then its known keys in the schema's order). Each object's key positions are computed once.
 */
function documentOrder(root: unknown): (a: SchemaProblem, b: SchemaProblem) => number {
  const positions = new WeakMap<object, Map<string, number>>();
  const position = (parent: unknown, key: string | number): number => {
    if (typeof key === 'number') return key;
    if (parent === null || typeof parent !== 'object') return 0;
    let keys = positions.get(parent);
    if (!keys) {
      keys = new Map(Object.keys(parent).map((name, index) => [name, index]));
      positions.set(parent, keys);
    }
    return keys.get(key) ?? Number.MAX_SAFE_INTEGER;
  };
  return (a, b) => {
    let parent = root;
    for (let index = 0; index < Math.min(a.path.length, b.path.length); index++) {
      const [left, right] = [a.path[index] as string | number, b.path[index] as string | number];
      if (left !== right) return position(parent, left) - position(parent, right);
      parent = parent !== null && typeof parent === 'object' && Object.hasOwn(parent, left) ? (parent as Record<string | number, unknown>)[left] : undefined;
    }
    return a.path.length - b.path.length;
  };
}

/** Every problem of a tovrun.yaml value against its schema, in the file's order; empty when it is valid. */
export function tovrunYamlProblems(value: unknown): SchemaProblem[] {
  if (validateTovrunYaml(value)) return [];
  const errors = validateTovrunYaml.errors ?? [];
  // A value of the wrong type is one problem: not also a number under its minimum, say.
  const wrongType = new Set(errors.filter((error) => error.keyword === 'type' || error.keyword === 'enum').map((error) => error.instancePath));
  const problems = errors
    .filter((error) => error.keyword === 'type' || error.keyword === 'enum' || !wrongType.has(error.instancePath))
    .map((error) => problemOf(error, value))
    .filter((problem) => problem !== undefined);
  return problems.sort(documentOrder(value));
}
