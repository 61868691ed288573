/** Problems found in a compose file: the same shape as the doctor's findings (id, status, message, hint, file, line). */

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
export function composeProblem(id: string, status: ComposeProblem['status'], message: string, where: { file: string; line: number | null }, hint: string | null = null): ComposeProblem {
  return { id, status, message, hint, file: where.file, line: where.line };
}

/** A path such as ['services', 'db', 'ports', 0] in words: services.db.ports[0]. */
export function pathText(path: readonly (string | number)[]): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text === '' ? part : `${text}.${part}`), '') || '(top level)';
}
