/** Where tovrun's own shipped files live, whether run from dist/ or from a test importing src/. */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The folder holding tovrun's package.json, templates/ and infra/. */
export const packageRoot: string = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The absolute path of a file shipped in templates/. */
export function templatePath(...segments: string[]): string {
  return path.join(packageRoot, 'templates', ...segments);
}
