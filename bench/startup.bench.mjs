// Startup: `tovrun --version` and `tovrun --help` against `node -e 0` (the floor any Node CLI pays) and
// `concurrently --version` (the peer), interleaved run by run so that machine noise falls on all four alike.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand, summarize } from './lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin', 'tovrun.js');
const concurrently = path.join(root, 'node_modules', 'concurrently', 'dist', 'bin', 'concurrently.js');
const runs = 20;
const warmup = 3;

const commands = {
  version: [cli, '--version'],
  help: [cli, '--help'],
  node: ['-e', '0'],
  concurrently: [concurrently, '--version'],
};

/** Wall ms of one run of node with args (stdout to /dev/null); throws when it fails. */
async function once(args) {
  const { ms, code } = await runCommand(process.execPath, args, { cwd: root });
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited with ${code}`);
  return ms;
}

/** Adds the startup figures to the report. */
export async function run(report) {
  const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let i = 0; i < warmup + runs; i++) {
    for (const [name, args] of Object.entries(commands)) {
      const ms = await once(args);
      if (i >= warmup) samples[name].push(ms);
    }
  }
  const [version, help, node, peer] = ['version', 'help', 'node', 'concurrently'].map((name) => summarize(samples[name]));
  const floor = { referenceName: '`node -e 0`', reference: node, target: '≤ 1.5x `node -e 0`' };
  report.add({ figure: 'startup: `tovrun --version`', unit: 'ms', tovrun: version, ...floor, met: version.median <= 1.5 * node.median });
  report.add({ figure: 'startup: `tovrun --help`', unit: 'ms', tovrun: help, ...floor, met: help.median <= 1.5 * node.median });
  report.add({
    figure: 'startup: `tovrun --version` beside the peer',
    unit: 'ms',
    tovrun: version,
    reference: peer,
    referenceName: '`concurrently --version`',
    target: 'reported',
    met: true,
  });
  return [
    `${runs} interleaved runs of each after ${warmup} warm-up rounds, wall time from spawn to exit, output to /dev/null.`,
    `Over \`node -e 0\`: --version costs ${(version.median - node.median).toFixed(0)} ms more, --help ${(help.median - node.median).toFixed(0)} ms, concurrently --version ${(peer.median - node.median).toFixed(0)} ms.`,
  ].join('\n');
}
