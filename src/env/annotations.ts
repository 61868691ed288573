/**
 * The annotation convention of .env.template: in the comment lines directly above a key, a word starting with `@`
 * is a tag: `@required` or `@optional`, `@secret`, `@type=string|int|port|bool|url|email|enum(a|b)`.
 */
import { ConfigError } from '../errors.js';
import { parseValueType, type ValueType, valueTypeNames } from './value-types.js';

/** The tags collected for one key. */
export interface KeyAnnotations {
  required?: boolean;
  secret?: boolean;
  type?: ValueType;
  /** Line of the first tag, for errors about tags that belong to no key. */
  line: number;
}

const tagPattern = /(?:^|(?<=[\s#]))@([A-Za-z-]+)(?:=(\S*))?/g;
const knownTags = ['required', 'optional', 'secret', 'type'];

function fail(message: string, file: string, line: number, hint?: string): never {
  throw new ConfigError(message, { file, line, hint: hint ?? 'See the annotation convention in the header of .env.template.' });
}

function applyTag(into: KeyAnnotations, tag: string, argument: string | undefined, file: string, line: number): void {
  if (!knownTags.includes(tag)) fail(`unknown annotation @${tag}; expected one of ${knownTags.map((known) => `@${known}`).join(', ')}.`, file, line);
  if (tag === 'type') {
    const type = argument === undefined ? null : parseValueType(argument);
    if (!type) fail(`@type=${argument ?? ''} is not a type tovrun knows; expected one of ${valueTypeNames.join(', ')}.`, file, line);
    if (into.type) fail('a key has two @type annotations.', file, line);
    into.type = type;
    return;
  }
  if (argument !== undefined) fail(`@${tag} takes no value (found @${tag}=${argument}).`, file, line);
  if (tag === 'secret') into.secret = true;
  else {
    const required = tag === 'required';
    if (into.required !== undefined && into.required !== required) fail('a key is annotated both @required and @optional.', file, line);
    into.required = required;
  }
}

/** Adds the tags of one comment line to pending (created when the line has the first tag); returns pending. */
export function collectAnnotations(comment: string, pending: KeyAnnotations | null, file: string, line: number): KeyAnnotations | null {
  let annotations = pending;
  for (const match of comment.matchAll(tagPattern)) {
    annotations ??= { line };
    applyTag(annotations, match[1] ?? '', match[2], file, line);
  }
  return annotations;
}
