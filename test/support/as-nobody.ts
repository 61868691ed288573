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

/** Bundles src/<module> and returns `exported(...args)` as called by nobody in a fresh node (JSON in, JSON out). */
export async function callAsNobody(module: string, exported: string, args: unknown[]): Promise<unknown> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tovrun-nobody-'));
  try {
    chmodSync(dir, 0o755);
    const bundle = path.join(dir, 'module.mjs');
    await build({ entryPoints: [path.join(repoRoot, 'src', module)], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'silent' });
    const runner = path.join(dir, 'run.mjs');
    writeFileSync(runner, `import * as m from './module.mjs';\nconst result = await m[${JSON.stringify(exported)}](...${JSON.stringify(args)});\nprocess.stdout.write(JSON.stringify(result ?? null));\n`);
    chmodSync(bundle, 0o644);
    chmodSync(runner, 0o644);
    const child = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, runner], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    if (child.status !== 0) throw new Error(`${exported} as nobody failed (${child.status}): ${child.stderr}`);
    return JSON.parse(child.stdout) as unknown;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
