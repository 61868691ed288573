// The repository's TypeScript sources as text, and the relative imports between them, for tests about the code itself.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './processes.js';

/** Every .ts file under dir (a folder of the repository), keyed by its path relative to the repository, with its text. */
export function sourceFiles(dir: string): Map<string, string> {
  const files = readdirSync(path.join(repoRoot, dir), { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('.ts') && !file.split(path.sep).includes('.cache'),
  );
  return new Map(files.sort().map((file) => [path.join(dir, file), readFileSync(path.join(repoRoot, dir, file), 'utf8')]));
}

/** The files a source imports by a relative path (static, `import type` and import() alike), as repository paths of .ts files. */
export function relativeImports(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/(?:from\s+|import\()'(\.[^']+)'/g)].map((match) => match[1] as string);
  return specifiers.map((specifier) => path.join(path.dirname(file), specifier.replace(/\.js$/, '.ts')));
}

/** The import graph of some sources: each file and the files among them it imports. */
export function importGraph(files: Map<string, string>): Map<string, string[]> {
  return new Map([...files].map(([file, text]) => [file, relativeImports(file, text).filter((target) => files.has(target))]));
}
