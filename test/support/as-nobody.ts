// Calls a function of a src/ module as the unprivileged user `nobody` (through runuser), for behaviour that root is
// never refused (a bind below port 1024, a stat into a folder of mode 700). Only possible when the tests run as root.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from './processes.js';

/** Why calls as nobody cannot run here, or null when they can (root, and runuser and the user nobody exist). */
export function nobodyUnavailable(): string | null {
  if (process.platform === 'win32' || process.getuid?.() !== 0) return 'the tests do not run as root';
  try {
    execFileSync('runuser', ['-u', 'nobody', '--', 'true'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'runuser -u nobody does not work here';
  }
}

/**
 * Runs source (a TypeScript module whose default export returns a JSON value, importing src/ files by paths from the
 * repository root such as './src/os/port-check.js') as nobody in a fresh node, and returns that value.
 */
export async function runAsNobody(source: string): Promise<unknown> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tovrun-nobody-'));
  try {
    chmodSync(dir, 0o755);
    const bundle = path.join(dir, 'module.mjs');
    await build({
      stdin: { contents: source, resolveDir: repoRoot, loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
      logLevel: 'silent',
    });
    const runner = path.join(dir, 'run.mjs');
    writeFileSync(runner, "import run from './module.mjs';\nprocess.stdout.write(JSON.stringify((await run()) ?? null));\n");
    chmodSync(bundle, 0o644);
    chmodSync(runner, 0o644);
    const child = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, runner], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    if (child.status !== 0) throw new Error(`running as nobody failed (${child.status}): ${child.stderr}`);
    return JSON.parse(child.stdout) as unknown;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
