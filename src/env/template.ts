/** Reads .env.template into the schema .env is checked against: per key required, type, secret, example, line. */
import { ConfigError } from '../errors.js';
import { collectAnnotations, type KeyAnnotations } from './annotations.js';
import { type EnvEntry, parseEnv } from './parse.js';
import { isSecretKeyName } from './secrets.js';
import { describeValueType, inferValueType, matchesValueType, type ValueType } from './value-types.js';

/** What the template says about one key. */
export interface KeySpec {
  key: string;
  required: boolean;
  type: ValueType;
  secret: boolean;
  /** The template's example value (development value, or the commented-out one). */
  example: string;
  line: number;
  /** True when the key only appears commented out (a staging or production key). */
  commented: boolean;
}

/** The schema of .env. */
export interface EnvSchema {
  keys: Map<string, KeySpec>;
}

// A commented-out assignment such as `# FLASK_ENV=production`: uppercase name, `=` right after it.
const commentedKey = /^#\s*(?:export\s+)?([A-Z_][A-Z0-9_]*)=(.*)$/;

function specFor(key: string, example: string, line: number, commented: boolean, tags: KeyAnnotations | null): KeySpec {
  return {
    key,
    required: tags?.required ?? (!commented && example !== ''),
    type: tags?.type ?? inferValueType(key, example),
    secret: Boolean(tags?.secret) || isSecretKeyName(key),
    example,
    line,
    commented,
  };
}

function checkExample(spec: KeySpec, file: string): void {
  if (spec.example === '' || matchesValueType(spec.example, spec.type)) return;
  const shown = spec.secret ? 'its example value' : `its example value ${JSON.stringify(spec.example)}`;
  throw new ConfigError(`${spec.key} is annotated as ${describeValueType(spec.type)}, but ${shown} is not.`, {
    file,
    line: spec.line,
    key: spec.key,
    hint: 'Fix the example value or the @type annotation above it.',
  });
}

function activeSpec(entry: EnvEntry, tags: KeyAnnotations | null, keys: Map<string, KeySpec>, file: string): KeySpec {
  const where = { file, line: entry.line, key: entry.key };
  const existing = keys.get(entry.key);
  if (existing && !existing.commented)
    throw new ConfigError(`${entry.key} is defined twice (first on line ${existing.line}).`, {
      ...where,
      hint: 'Keep one definition; put staging and production values in the commented-out sections.',
    });
  if (entry.value === null) throw new ConfigError(`${entry.key} has no "=".`, { ...where, hint: `Write it as ${entry.key}=<example value>.` });
  const spec = specFor(entry.key, entry.value, entry.line, false, tags);
  checkExample(spec, file);
  return spec;
}

/** Parses template text; a ConfigError with file and line when it is broken. */
export function parseEnvTemplate(text: string, file: string): EnvSchema {
  const parsed = parseEnv(text);
  const keys = new Map<string, KeySpec>();
  let pending: KeyAnnotations | null = null;
  let previousEnd = 0;
  for (const statement of parsed.statements) {
    if (pending && statement.line > previousEnd + 1) {
      throw new ConfigError('this annotation is not directly above a key.', {
        file,
        line: pending.line,
        hint: 'Put annotations on the comment lines right above the key they describe, with no blank line between.',
      });
    }
    previousEnd = statement.endLine;
    if (statement.kind === 'invalid') {
      throw new ConfigError('this line of the template cannot be parsed.', {
        file,
        line: statement.line,
        hint: 'Write each key as KEY=value (quote values with spaces or #).',
      });
    }
    if (statement.kind === 'entry') {
      keys.set(statement.key, activeSpec(statement, pending, keys, file));
      pending = null;
      continue;
    }
    const commented = commentedKey.exec(statement.text.trim());
    if (!commented) {
      pending = collectAnnotations(statement.text, pending, file, statement.line);
      continue;
    }
    const key = commented[1] ?? '';
    if (!keys.has(key)) {
      const example = parseEnv(`${key}=${commented[2] ?? ''}`).entries[0]?.value ?? '';
      keys.set(key, specFor(key, example, statement.line, true, pending));
    }
    pending = null;
  }
  if (pending)
    throw new ConfigError('this annotation is not followed by a key.', {
      file,
      line: pending.line,
      hint: 'Put annotations on the comment lines right above the key they describe.',
    });
  return { keys };
}
