/**
 * docker compose's variable interpolation (compose-go's template package), encoded from compose's documentation:
 * `$$` is a literal `$`; `$NAME` and `${NAME}` with `:-` `-` `:?` `?` `:+` `+`; any other `$` is an error.
 */

/** A value after interpolation, or the error that makes compose stop. */
export type Interpolated = { ok: true; value: string } | { ok: false; error: string };

const namePattern = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Defaults nested deeper than this (`${A:-${B:-…}}`) are refused instead of exhausting the stack on a hostile file. */
export const maxInterpolationDepth = 64;

/** The text between `${` at start and its matching `}`, or null when it is never closed. */
function bracedBody(text: string, start: number): string | null {
  let depth = 0;
  for (let index = start; index < text.length; index++) {
    const char = text.charAt(index);
    if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return text.slice(start + 1, index);
  }
  return null;
}

function resolveBraced(body: string, lookup: (name: string) => string | undefined, depth: number): Interpolated {
  const name = namePattern.exec(body)?.[0];
  if (!name) return { ok: false, error: 'invalid interpolation format' };
  const rest = body.slice(name.length);
  const current = lookup(name);
  if (rest === '') return { ok: true, value: current ?? '' };
  const operator = /^(:-|-|:\?|\?|:\+|\+)/.exec(rest)?.[0];
  if (!operator) return { ok: false, error: 'invalid interpolation format' };
  const word = interpolateCompose(rest.slice(operator.length), lookup, depth + 1);
  if (!word.ok) return word;
  const unsetOrEmpty = current === undefined || current === '';
  const checksEmpty = operator.startsWith(':');
  const missing = checksEmpty ? unsetOrEmpty : current === undefined;
  switch (operator.replace(':', '')) {
    case '-':
      return { ok: true, value: missing ? word.value : (current ?? '') };
    case '?':
      return missing
        ? { ok: false, error: `required variable ${name} is missing a value${word.value ? `: ${word.value}` : ''}` }
        : { ok: true, value: current ?? '' };
    default:
      return { ok: true, value: missing ? '' : word.value };
  }
}

/** Interpolates a value the way compose does; lookup answers for the environment and the keys read so far. */
export function interpolateCompose(text: string, lookup: (name: string) => string | undefined, depth = 0): Interpolated {
  if (depth > maxInterpolationDepth) return { ok: false, error: `defaults nested more than ${maxInterpolationDepth} levels deep` };
  let out = '';
  let index = 0;
  while (index < text.length) {
    const dollar = text.indexOf('$', index);
    if (dollar < 0) return { ok: true, value: out + text.slice(index) };
    out += text.slice(index, dollar);
    const next = text.charAt(dollar + 1);
    if (next === '$') {
      out += '$';
      index = dollar + 2;
    } else if (next === '{') {
      const body = bracedBody(text, dollar + 1);
      if (body === null) return { ok: false, error: 'invalid interpolation format' };
      const resolved = resolveBraced(body, lookup, depth);
      if (!resolved.ok) return resolved;
      out += resolved.value;
      index = dollar + body.length + 3;
    } else {
      const name = namePattern.exec(text.slice(dollar + 1))?.[0];
      if (!name) return { ok: false, error: 'invalid interpolation format' };
      out += lookup(name) ?? '';
      index = dollar + 1 + name.length;
    }
  }
  return { ok: true, value: out };
}
