// Log relay: tovrun's prefix output (dist/supervisor + dist/panes, log files included) against concurrently on the
// same two services' output: throughput, whole-tree CPU, and lines lost. Run as a script with --relay-driver it is
// the tovrun side (two fixture services through a Supervisor and a PrefixSink to stdout).
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarize } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const printLines = path.join(root, 'test', 'fixtures', 'procs', 'print-lines.js');
const labels = ['a', 'b'];
const workloads = [
  { name: '20 MB of lines', count: 100_000, mode: 'batch', width: 90 },
  { name: '200,000 short flushed lines', count: 100_000, mode: 'each', width: 0 },
];
const runs = 5;

/** The tovrun side: supervises the two producers and relays their output to stdout in prefix mode. */
async function drive([count, mode, width]) {
  const { Supervisor } = await import('../dist/supervisor/index.js');
  const { createPrefixSink } = await import('../dist/panes/index.js');
  const stateDir = mkdtempSync(path.join(tmpdir(), 'tovrun-relay-'));
  const sink = createPrefixSink({ destination: process.stdout, services: labels, color: false, stateDir });
  const supervisor = new Supervisor({ stateDir, shutdownTimeoutMs: 5_000, sink });
  const restart = { policy: 'no', maxRetries: 0, backoffMs: 0 };
  supervisor.start(
    labels.map((label) => ({ name: label, file: process.execPath, args: [printLines, count, label, mode, width], cwd: root, env: process.env, port: null, probe: { kind: 'none' }, probeFallback: null, restart })),
  );
  await supervisor.finished;
  await sink.close();
  rmSync(stateDir, { recursive: true, force: true });
}

/** Preloaded into the relaying node process: writes its own CPU seconds (user + system, children excluded) at exit. */
const cpuHook = 'data:text/javascript,import{writeFileSync}from"node:fs";process.on("exit",()=>{const u=process.cpuUsage();writeFileSync(process.env.RELAY_CPU_FILE,String((u.user+u.system)/1e6))})';

/** Runs a node script with stdout to /dev/null; resolves with wall ms and the relaying process's own CPU seconds. */
function timedRun(args) {
  return new Promise((resolve, reject) => {
    const cpuFile = path.join(mkdtempSync(path.join(tmpdir(), 'tovrun-cpu-')), 'cpu');
    const devNull = openSync('/dev/null', 'w');
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', cpuHook, ...args], { stdio: ['ignore', devNull, 'inherit'], cwd: root, env: { ...process.env, RELAY_CPU_FILE: cpuFile } });
    closeSync(devNull);
    child.on('error', reject);
    child.on('close', () => {
      const ms = performance.now() - started;
      resolve({ ms, cpu: Number(readFileSync(cpuFile, 'utf8')) });
      rmSync(path.dirname(cpuFile), { recursive: true, force: true });
    });
  });
}

/** Runs a command reading its stdout through a pipe; resolves with the number of lines not received intact. */
function checkedRun(args, workload, contentOf) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], cwd: root });
    const seen = Object.fromEntries(labels.map((label) => [label, new Uint8Array(workload.count)]));
    const expectedTail = 'x'.repeat(workload.width);
    let rest = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) {
        const [label, text = ''] = (contentOf(line) ?? '').split(' ');
        const index = Number.parseInt(text, 10);
        if (seen[label] && `${index}${expectedTail}` === text) seen[label][index] = 1;
      }
    });
    child.on('error', reject);
    child.on('close', () => resolve(labels.reduce((sum, label) => sum + seen[label].filter((intact) => !intact).length, 0)));
  });
}

/** How to run one side: node's arguments and how to find a line's content behind its label. */
function tovrunSide(workload) {
  const args = [fileURLToPath(import.meta.url), '--relay-driver', String(workload.count), workload.mode, String(workload.width)];
  return { args, contentOf: (line) => line.split(' | ')[1] };
}

function concurrentlySide(workload) {
  const commands = labels.map((label) => `"${process.execPath}" "${printLines}" ${workload.count} ${label} ${workload.mode} ${workload.width}`);
  const args = [path.join(root, 'node_modules', 'concurrently', 'dist', 'bin', 'concurrently.js'), '--names', labels.join(','), '--no-color', ...commands];
  return { args, contentOf: (line) => line.slice(line.indexOf('] ') + 2) };
}

/** A warm-up, then timed runs to /dev/null, then one run through a checking pipe. */
async function sample(side, workload) {
  const { args, contentOf } = side(workload);
  await timedRun(args);
  const timed = [];
  for (let i = 0; i < runs; i++) timed.push(await timedRun(args));
  return { timed, lost: await checkedRun(args, workload, contentOf) };
}

/** Adds throughput, CPU and lines-lost figures per workload to the report. */
export async function run(report) {
  const notes = [];
  for (const workload of workloads) {
    const ours = await sample(tovrunSide, workload);
    const theirs = await sample(concurrentlySide, workload);
    const lines = workload.count * labels.length;
    const throughput = (result) => summarize(result.timed.map((r) => lines / (r.ms / 1000) / 1000));
    const cpu = (result) => summarize(result.timed.map((r) => r.cpu));
    const tovrun = throughput(ours);
    const reference = throughput(theirs);
    const common = { referenceName: 'concurrently 9' };
    report.add({ figure: `relay throughput, ${workload.name}`, unit: 'k lines/s', tovrun, reference, target: '≥ 1.5× concurrently', met: tovrun.median >= 1.5 * reference.median, ...common });
    report.add({ figure: `relay process CPU (services excluded), ${workload.name}`, unit: 's', tovrun: cpu(ours), reference: cpu(theirs), target: 'reported', met: true, ...common });
    report.add({ figure: `lines lost through a pipe, ${workload.name}`, unit: 'lines', tovrun: summarize([ours.lost]), reference: summarize([theirs.lost]), target: '0', met: ours.lost === 0, ...common });
  }
  notes.push(
    'Two fixture services (test/fixtures/procs/print-lines.js) each print 100,000 lines; timed runs write to /dev/null, the',
    'lines-lost run reads through a pipe and counts lines not received intact. Wall time includes both tools\' start-up;',
    'CPU is the relaying node process\'s own (process.cpuUsage at exit, preloaded with --import), services excluded.',
    'tovrun also writes .tovrun/logs/<service>.log (ANSI-stripped), as `tovrun up` does; concurrently writes no logs.',
  );
  return notes.join('\n');
}

if (process.argv[2] === '--relay-driver') await drive(process.argv.slice(3));
