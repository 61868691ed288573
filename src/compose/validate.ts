/** Offline validation of a compose file: syntax, variables documented in .env.template, interpolation, schema, v1 keys. */
import type { ErrorObject } from 'ajv';
import { quoteText } from '../workspace/service-name.js';
import { type ComposeDocument, interpolateDocument, lineAt, parseComposeText } from './compose-document.js';
import { legacyComposeProblems } from './legacy-keys.js';
import { type ComposeProblem, composeProblem, pathText } from './problems.js';
import { composeSchemaErrors } from './schema.js';
import { collectComposeVariables } from './variables.js';

/** Variables documented in .env.template, as a set or a list of names. */
export type TemplateKeys = ReadonlySet<string> | readonly string[];

function undocumentedVariables(parsed: ComposeDocument, text: string, file: string, templateKeys: TemplateKeys): ComposeProblem[] {
  const known = new Set(templateKeys);
  const lines = new Map<string, number[]>();
  for (const { name, line } of collectComposeVariables(parsed.doc, parsed.counter, text).uses)
    if (!known.has(name)) lines.set(name, [...(lines.get(name) ?? []), line]);
  return [...lines].map(([name, at]) => {
    const also = at.length > 1 ? ` (also line ${at.slice(1).join(', ')})` : '';
    return composeProblem(
      'compose/undocumented-variable',
      'error',
      `${name} is used by the compose file${also} but .env.template does not document it.`,
      { file, line: at[0] ?? null },
      `Add ${name} to .env.template with a development value and its annotations, or stop using it.`,
    );
  });
}

function instancePath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function describeError(error: ErrorObject): { message: string; key: string | null } {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return { message: `unknown key ${quoteText(String(params.additionalProperty))}`, key: String(params.additionalProperty) };
    case 'required':
      return { message: `the key ${quoteText(String(params.missingProperty))} is missing`, key: null };
    case 'type':
      return { message: `expected ${String(params.type)}`, key: null };
    case 'enum':
      return { message: `expected one of ${(params.allowedValues as unknown[]).map((item) => JSON.stringify(item)).join(', ')}`, key: null };
    default:
      return { message: error.message ?? error.keyword, key: null };
  }
}

/** One problem per place: an unmatched oneOf/anyOf becomes one message listing the expected types, not one per branch. */
function schemaProblems(parsed: ComposeDocument, errors: ErrorObject[], file: string): ComposeProblem[] {
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of errors) byPath.set(error.instancePath, [...(byPath.get(error.instancePath) ?? []), error]);
  const problems: ComposeProblem[] = [];
  for (const [pointer, group] of byPath) {
    const path = instancePath(pointer);
    const alternatives = group.some((error) => error.keyword === 'oneOf' || error.keyword === 'anyOf');
    const hint = 'See the Compose specification for this key (the schema tovrun checks against is templates/compose-spec.schema.json).';
    if (alternatives) {
      const types = [...new Set(group.filter((error) => error.keyword === 'type').map((error) => String((error.params as { type: unknown }).type)))];
      const expected = types.length > 0 ? `; expected ${types.join(' or ')}` : '';
      problems.push(
        composeProblem(
          'compose/schema',
          'error',
          `${pathText(path)}: matches none of the forms compose accepts${expected}.`,
          { file, line: lineAt(parsed, path) },
          hint,
        ),
      );
      continue;
    }
    for (const error of group) {
      const { message, key } = describeError(error);
      const at = key === null ? path : [...path, key];
      problems.push(composeProblem('compose/schema', 'error', `${pathText(path)}: ${message}.`, { file, line: lineAt(parsed, at, key !== null) }, hint));
    }
  }
  return problems;
}

/**
 * The schema part alone, for a doctor that checks syntax and variables itself: the Compose specification's schema
 * after interpolation with envValues, and keys only Compose v2 understands. Empty for text that is not valid YAML.
 */
export function composeSchemaProblems(text: string, file: string, envValues: Readonly<Record<string, string>>): ComposeProblem[] {
  const parsed = parseComposeText(text, file);
  if (parsed.syntaxError) return [];
  const { value } = interpolateDocument(parsed, (name) => envValues[name]);
  return [...schemaProblems(parsed, composeSchemaErrors(value), file), ...legacyComposeProblems(parsed, value, file)];
}

/**
 * Every problem of compose text, without an engine: YAML syntax; variables missing from .env.template; `${}` compose
 * would refuse (a required variable unset); the Compose specification's schema after interpolation; v2-only keys.
 * envValues are the variables compose would see (its reading of .env, then the shell's environment over it).
 */
export function validateComposeFile(text: string, file: string, envValues: Readonly<Record<string, string>>, templateKeys: TemplateKeys): ComposeProblem[] {
  const parsed = parseComposeText(text, file);
  if (parsed.syntaxError) {
    return [
      composeProblem(
        'compose/syntax',
        'error',
        `not valid YAML: ${parsed.syntaxError.message}`,
        { file, line: parsed.syntaxError.line },
        'Fix the YAML syntax at that line (indentation, a missing colon or quote).',
      ),
    ];
  }
  const { value, failures } = interpolateDocument(parsed, (name) => envValues[name]);
  const interpolation = failures.map((failure) =>
    composeProblem(
      'compose/interpolation',
      'error',
      `${pathText(failure.path)}: ${failure.message}.`,
      { file, line: failure.line },
      'Set the variable in .env (see .env.template), or fix the ${...} expression.',
    ),
  );
  return [
    ...undocumentedVariables(parsed, text, file, templateKeys),
    ...interpolation,
    ...schemaProblems(parsed, composeSchemaErrors(value), file),
    ...legacyComposeProblems(parsed, value, file),
  ];
}
