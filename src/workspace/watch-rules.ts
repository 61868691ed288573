/** Rules on a service's `watch:` globs that the schema cannot say: relative to the service's folder, and never for Flask or Vite. */
import type { RawService } from './raw-config.js';
import { quoteText } from './service-name.js';

/** Folders no watch ever follows: installs, venvs, git and tovrun's own state (their changes are not code edits). */
export const unwatchedFolders: readonly string[] = ['node_modules', '.git', '.tovrun', 'venv', '.venv', '__pycache__'];

/** The reloader a command runs with (Flask's or Vite's), or null: those services follow code changes themselves. */
export function ownReloader(command: string | readonly string[] | undefined): 'Flask' | 'Vite' | null {
  const words = typeof command === 'string' ? command.split(/\s+/) : [...(command ?? [])];
  const names = words.map((word) => word.replace(/^.*[\\/]/, '').replace(/\.(cmd|exe|js)$/i, ''));
  if (names.includes('flask')) return 'Flask';
  if (names.includes('vite')) return 'Vite';
  return null;
}

/** What is wrong with a service's watch list (one sentence and its fix), or null when it is fine. */
export function watchProblem(service: RawService): { index: number | null; message: string; hint: string } | null {
  const globs = service.watch ?? [];
  if (globs.length === 0) return null;
  const reloader = ownReloader(service.command);
  if (reloader) {
    return {
      index: null,
      message: `the service runs ${reloader}, which follows code changes itself; tovrun never restarts it on a code change.`,
      hint: `Remove \`watch:\` from this service (${reloader}'s reloader already picks up edits).`,
    };
  }
  for (const [index, glob] of globs.entries()) {
    const parts = glob.split(/[\\/]/);
    if (/^([\\/]|[A-Za-z]:)/.test(glob) || parts.includes('..')) {
      return {
        index,
        message: `${quoteText(glob)} is not inside the service's folder: watch globs are relative to its dir.`,
        hint: 'Write the glob relative to the service\'s dir, e.g. watch: ["src/**/*.js", "config.json"].',
      };
    }
  }
  return null;
}
