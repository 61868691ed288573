/** The .gitignore lines tovrun needs (.env, venvs, .tovrun/, the root node_modules/ of the pinned tovrun) and which of them a .gitignore still lacks. */

/** Lines init makes sure .gitignore has. */
export const wantedIgnoreLines = ['.env', 'venv/', '.venv/', '.tovrun/', 'node_modules/'] as const;

/** A pattern without a leading or trailing slash, for comparing. */
const normalised = (line: string) => line.trim().replace(/^\//, '').replace(/\/$/, '');

/** The wanted lines the existing .gitignore text (undefined: no file) does not already have. */
export function missingIgnoreLines(existing: string | undefined, wanted: readonly string[] = wantedIgnoreLines): string[] {
  const present = new Set((existing ?? '').split(/\r?\n/).map(normalised));
  return wanted.filter((line) => !present.has(normalised(line)));
}

/** The text to append: a newline first when the file does not end with one, then a comment and the lines. */
export function ignoreAppendText(existing: string | undefined, lines: readonly string[]): string {
  const separator = existing && !existing.endsWith('\n') ? '\n' : '';
  const blank = existing && existing.trim() !== '' ? '\n' : '';
  return `${separator}${blank}# tovrun: local settings, virtual environments, tovrun's state and logs, installed packages\n${lines.join('\n')}\n`;
}
