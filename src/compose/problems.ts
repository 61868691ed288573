/** Problems found in a compose file: the same shape as the doctor's findings (id, status, message, hint, file, line). */
import { quoteText } from '../workspace/service-name.js';

/** One problem of the compose file; file is as given by the caller (relative to the workspace root for display). */
export interface ComposeProblem {
  /** A rule id such as compose/schema or compose/undocumented-variable. */
  id: string;
  status: 'error' | 'warn';
  message: string;
  hint: string | null;
  file: string;
  line: number | null;
}

/** Builds a problem. */
export function composeProblem(
  id: string,
  status: ComposeProblem['status'],
  message: string,
  where: { file: string; line: number | null },
  hint: string | null = null,
): ComposeProblem {
  return { id, status, message, hint, file: where.file, line: where.line };
}

/** A key as written in a path: a plain name as it is, anything else (an escape sequence, a very long key) quoted safely. */
const keyText = (key: string) => (/^[A-Za-z0-9._-]{1,63}$/.test(key) ? key : quoteText(key));

/** A path such as ['services', 'db', 'ports', 0] in words: services.db.ports[0]; keys that are not plain names are quoted safely. */
export function pathText(path: readonly (string | number)[]): string {
  return (
    path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text === '' ? keyText(part) : `${text}.${keyText(part)}`), '') ||
    '(top level)'
  );
}
