/** The requirements files an install depends on: the main one and every file it pulls in with -r or -c, recursively. */
import path from 'node:path';

const includeLine = /^(?:--requirement|--constraint|-r|-c)(?:\s*=\s*|\s+)?(\S.*)$/;

/** The logical lines of a requirements file: continuations joined, comments and blanks dropped. */
export function requirementLines(text: string): string[] {
  return text
    .replace(/\\\r?\n/g, '')
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean);
}

/** The files a requirements text includes (-r, --requirement, -c, --constraint), resolved against its folder; URLs skipped. */
export function includedFiles(text: string, file: string): string[] {
  const included: string[] = [];
  for (const line of requirementLines(text)) {
    const target = includeLine.exec(line)?.[1]?.trim();
    if (target && !/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) included.push(path.resolve(path.dirname(file), target));
  }
  return included;
}

/** Every requirements file reachable from root, root first, each once; unreadable files are listed (as missing) but not followed. */
export function requirementFiles(root: string, readText: (file: string) => string | undefined): string[] {
  const seen: string[] = [];
  const visit = (file: string): void => {
    if (seen.includes(file)) return;
    seen.push(file);
    const text = readText(file);
    if (text !== undefined) for (const included of includedFiles(text, file)) visit(included);
  };
  visit(path.resolve(root));
  return seen;
}
