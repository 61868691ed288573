// tovrun --check on a clean workspace (real venv, Vite manifest, stamps, a git repository) with no database configured:
// the doctor CI runs on every push. Target: under 1.5 s. Reference: the CLI starting at all (`tovrun --version`).
// Runs the built CLI (npm run build first).
import { rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCleanWorkspace } from '../test/fixtures/check/clean-workspace.mjs';
import { measure, runCommand } from './lib.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(repoRoot, 'bin', 'tovrun.js');
const env = { ...process.env };
delete env.DATABASE_URL;

/** A port nothing uses now, below the ephemeral range (outgoing connections would make it look busy). */
async function freePort() {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise((resolve) => {
      const server = net.createServer().once('error', () => resolve(false));
      server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

/** Runs the CLI with args in cwd; resolves with its wall time in ms, rejecting unless it exits 0. */
async function timed(args, cwd) {
  const result = await runCommand(process.execPath, [cli, ...args], { cwd, env });
  if (result.code !== 0) throw new Error(`tovrun ${args.join(' ')} exited with ${result.code} in ${cwd}`);
  return result.ms;
}

/** Adds the doctor's figure to the report. */
export async function run(report) {
  const root = await makeCleanWorkspace({ ports: { backend: await freePort(), frontend: await freePort() }, git: true, env });
  try {
    const check = await measure(() => timed(['--check'], root), { runs: 10, warmup: 1 });
    const startup = await measure(() => timed(['--version'], root), { runs: 10, warmup: 1 });
    report.add({
      figure: 'tovrun --check, clean workspace, no database',
      unit: 'ms',
      tovrun: check,
      reference: startup,
      referenceName: 'tovrun --version (the CLI starting at all)',
      target: 'under 1500 ms',
      met: check.median < 1500,
    });
    return `The doctor spends ${(check.median - startup.median).toFixed(0)} ms beyond starting the CLI: seven checks at once, probing python3 (on this machine through pyenv's shell shims) and the venv's Python, asking git twice, and binding the two ports.`;
  } finally {
    rmSync(path.dirname(root), { recursive: true, force: true });
  }
}
