// tovrun install: warm (nothing changed) against the sequence the old script ran every time, and a cold parallel
// install against the slower of the two installs alone. Runs the built CLI (npm run build first) on copies of
// test/fixtures/install/workspace; PIP_RETRIES=0 for every run, tovrun's and the references', because this machine's
// pip first tries a public index it cannot reach.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, runCommand } from './lib.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(repoRoot, 'bin', 'tovrun.js');
const fixture = path.join(repoRoot, 'test', 'fixtures', 'install', 'workspace');
const env = { ...process.env, PIP_RETRIES: '0' };

/** Temporary folders this bench made, removed at its end. */
const made = [];

/** A fresh copy of the fixture; `only` disables the other service in tovrun.yaml. */
function workspace(only) {
  const root = path.join(mkdtempSync(path.join(tmpdir(), 'tovrun-bench-install-')), 'workspace');
  made.push(path.dirname(root));
  cpSync(fixture, root, { recursive: true });
  const disabled = only === 'backend' ? 'frontend' : only === 'frontend' ? 'backend' : undefined;
  if (disabled) writeFileSync(path.join(root, 'tovrun.yaml'), `version: 1\nservices:\n  ${disabled}:\n    enabled: false\n`);
  return root;
}

/** Runs a command that must succeed; resolves with its wall time in ms. */
async function timed(command, args, cwd) {
  const result = await runCommand(command, args, { cwd, env });
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.code} in ${cwd}`);
  return result.ms;
}

/** `tovrun install` from nothing: venv, node_modules and stamps removed first (not timed). */
async function coldInstall(root) {
  for (const dir of ['backend/venv', 'frontend/node_modules', '.tovrun']) rmSync(path.join(root, dir), { recursive: true, force: true });
  return timed(process.execPath, [cli, 'install'], root);
}

/** What the old launch script ran on every start: pip upgrade, pip install -r, npm install, one after another. */
async function oldScriptSequence(root) {
  const python = path.join(root, 'backend', 'venv', 'bin', 'python');
  let ms = await timed(python, ['-m', 'pip', 'install', '--upgrade', 'pip'], path.join(root, 'backend'));
  ms += await timed(python, ['-m', 'pip', 'install', '-r', 'requirements.txt'], path.join(root, 'backend'));
  ms += await timed('npm', ['install'], path.join(root, 'frontend'));
  return ms;
}

/** Adds the two install figures to the report. */
export async function run(report) {
  const both = workspace();
  const coldBoth = await measure(() => coldInstall(both), { runs: 3, warmup: 0 });
  const coldBackend = await measure(() => coldInstall(workspace('backend')), { runs: 3, warmup: 0 });
  const coldFrontend = await measure(() => coldInstall(workspace('frontend')), { runs: 3, warmup: 0 });
  const [slowerName, slower] = coldBackend.median >= coldFrontend.median ? ['backend alone', coldBackend] : ['frontend alone', coldFrontend];
  report.add({
    figure: 'cold install, backend + frontend in parallel',
    unit: 'ms',
    tovrun: coldBoth,
    reference: slower,
    referenceName: `slower of the two installs alone (${slowerName})`,
    target: 'at most 1.15x the slower alone',
    met: coldBoth.median <= 1.15 * slower.median,
  });

  // `both` was installed by the last cold run: everything below is warm.
  const warm = await measure(() => timed(process.execPath, [cli, 'install'], both), { runs: 10, warmup: 1 });
  const old = await measure(() => oldScriptSequence(both), { runs: 5, warmup: 1 });
  report.add({
    figure: 'warm install, nothing changed',
    unit: 'ms',
    tovrun: warm,
    reference: old,
    referenceName: 'old script: pip upgrade + pip install -r + npm install',
    target: 'at least 10x faster',
    met: old.median >= 10 * warm.median,
  });
  const startup = await measure(() => timed(process.execPath, [cli, '--version'], both), { runs: 10, warmup: 1 });
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  return [
    `Cold: ${(coldBoth.median / slower.median).toFixed(2)}x the slower install alone. Warm: ${(old.median / warm.median).toFixed(1)}x faster than the old sequence;`,
    `of the warm ${warm.median.toFixed(0)} ms, ${startup.median.toFixed(0)} ms is the CLI starting at all (\`tovrun --version\`).`,
    'pip reads a local index and npm a nearby registry on this machine, so the old sequence is far cheaper here than on a',
    "developer's machine, where pip's self-upgrade and npm's audit go over the network.",
  ].join('\n');
}
