// `npm run soak`: start/stop cycles of the demo (real Flask + Vite) — 50 each stopped by SIGINT, SIGTERM and SIGHUP,
// and 20 where tovrun is killed with SIGKILL and `tovrun down` cleans up — counting, after every cycle, the processes
// of the demo still alive and the demo's ports still bound. Prints per-kind and overall totals; exits 1 unless both
// are 0 (and every cycle reached "ready"). `--cycles N` sets the cycles per signal (and caps the kill -9 ones).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { listeningPorts, processesUnder, Report, socketHolders, summarize, writeSoakSection } from './lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin', 'tovrun.js');
const ports = [5001, 3000];
const readyTimeoutMs = 90_000;
const exitTimeoutMs = 15_000;

const { values: options } = parseArgs({
  options: {
    cycles: { type: 'string', default: '50' },
    'kill-cycles': { type: 'string' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const cycles = Number(options.cycles);
const killCycles = Number(options['kill-cycles'] ?? Math.min(20, cycles));
if (!Number.isInteger(cycles) || cycles < 0 || !Number.isInteger(killCycles) || killCycles < 0) {
  console.error('usage: node bench/soak.mjs [--cycles N] [--kill-cycles M] [--dir DIR] [--keep]');
  process.exit(2);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a tovrun command to completion; resolves with its exit code and output tail. */
function tovrun(args, cwd, stdio = 'pipe') {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, stdio: ['ignore', stdio, stdio] });
    let tail = '';
    const keep = (chunk) => (tail = (tail + chunk).slice(-4000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, tail }));
  });
}

/** Starts `tovrun --no-install` in dir; resolves once it printed "Ready:" (or failed) with the child and timings. */
function startTovrun(dir) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cli, '--no-install'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise((settle) => child.on('close', (code, signal) => settle({ code, signal })));
    let tail = '';
    let settled = false;
    const finish = (ready) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ child, exited, ready, readyMs: performance.now() - started, tail: () => tail });
    };
    const onData = (chunk) => {
      tail = (tail + chunk).slice(-8000);
      if (/Ready:/.test(tail)) finish(true);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => finish(false), readyTimeoutMs);
    void exited.then(() => finish(false));
  });
}

/** Resolves true when the promise settles within ms. */
async function within(promise, ms) {
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const result = await Promise.race([promise.then(() => true), timeout]);
  clearTimeout(timer);
  return result;
}

/** Waits up to ms for the demo's ports to be free; the ports still bound then. */
async function portsFreeWithin(ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    const bound = listeningPorts(ports);
    if (bound.length === 0 || Date.now() > deadline) return bound;
    await sleep(100);
  }
}

/**
 * What is left of the demo right now: its processes (not zombies) and its bound ports, with their holders. A port
 * held only by processes outside the demo folder (another program on this machine took it) is foreign, not a leak.
 */
function leftovers(dir) {
  const processes = processesUnder(dir);
  const ours = new Set(processes.map((p) => p.pid));
  const all = listeningPorts(ports).map(({ port, inodes }) => ({ port, holders: socketHolders(inodes) }));
  const isForeign = (b) => b.holders.length > 0 && b.holders.every((h) => !ours.has(h.pid) && !h.cmdline.includes(dir));
  return { processes, bound: all.filter((b) => !isForeign(b)), foreign: all.filter(isForeign) };
}

/** Kills what a failed cycle left (only processes of this soak's demo folder), so the next cycle starts clean. */
async function cleanUp(dir) {
  for (const { pid } of processesUnder(dir)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await sleep(500);
}

/** One cycle: start to ready, stop with kind, count what is left. */
async function cycle(dir, kind) {
  const before = await portsFreeWithin(30_000);
  if (before.length > 0) {
    const holders = before.map(
      ({ port, inodes }) =>
        `${port} held by ${
          socketHolders(inodes)
            .map((h) => `${h.pid} ${h.cmdline.slice(0, 100)}`)
            .join(', ') || '?'
        }`,
    );
    return {
      kind,
      interfered: true,
      ready: false,
      readyMs: NaN,
      stopMs: NaN,
      exit: 'not started',
      processes: [],
      bound: [],
      note: `ports busy before start: ${holders.join('; ')}`,
    };
  }
  const run = await startTovrun(dir);
  const note = run.ready ? '' : `not ready: ${run.tail().split('\n').slice(-6).join(' | ')}`;
  const stopping = performance.now();
  let exit;
  if (kind === 'SIGKILL + down') {
    run.child.kill('SIGKILL');
    await run.exited;
    const down = await tovrun(['down'], dir);
    exit = `down ${down.code}`;
  } else {
    run.child.kill(kind);
    if (!(await within(run.exited, exitTimeoutMs))) {
      run.child.kill('SIGKILL');
      exit = `no exit after ${exitTimeoutMs} ms`;
    }
    const status = await run.exited;
    exit ??= status.signal ? `signal ${status.signal}` : `code ${status.code}`;
  }
  const stopMs = performance.now() - stopping;
  const { processes, bound, foreign } = leftovers(dir);
  let lingering = null;
  if (processes.length + bound.length > 0) {
    await sleep(2_000);
    const later = leftovers(dir);
    lingering = { processes: later.processes.length, bound: later.bound.length };
  }
  // Not ready because another program held a demo port: the machine interfered, the cycle is run again.
  const interfered = !run.ready && /already in use/.test(run.tail()) && foreign.length + processes.length + bound.length === 0;
  const foreignNote = foreign
    .map((b) => `port ${b.port} taken meanwhile by ${b.holders.map((h) => `${h.pid} ${h.cmdline.slice(0, 100)}`).join(', ')}`)
    .join('; ');
  return {
    kind,
    interfered: interfered || (!run.ready && foreign.length > 0),
    ready: run.ready,
    readyMs: run.readyMs,
    stopMs,
    exit,
    processes,
    bound,
    lingering,
    note: [note, foreignNote].filter(Boolean).join('; '),
  };
}

function describe(result) {
  const parts = [];
  for (const p of result.processes) parts.push(`    alive: ${p.pid} [${p.state}] ${p.cmdline.slice(0, 160)}`);
  for (const b of result.bound) parts.push(`    bound: ${b.port} by ${b.holders.map((h) => `${h.pid} ${h.cmdline.slice(0, 120)}`).join(', ') || '?'}`);
  if (result.lingering) parts.push(`    after 2 s more: ${result.lingering.processes} processes, ${result.lingering.bound} ports`);
  if (result.note) parts.push(`    ${result.note}`);
  return parts.join('\n');
}

async function main() {
  const base = options.dir ? path.resolve(options.dir) : mkdtempSync(path.join(tmpdir(), 'tovrun-soak-'));
  const dir = path.join(base, 'demo');
  mkdirSync(dir, { recursive: true });
  console.log(`soak: demo in ${dir}; ${cycles} cycles each of SIGINT, SIGTERM, SIGHUP and ${killCycles} of SIGKILL + tovrun down`);
  const created = await tovrun(['demo', dir, '--dry-run'], root);
  if (created.code !== 0) throw new Error(`tovrun demo --dry-run failed (${created.code}):\n${created.tail}`);
  const installed = await tovrun(['install'], dir, 'inherit');
  if (installed.code !== 0) throw new Error(`tovrun install failed with ${installed.code}`);

  const kinds = [
    ['SIGINT', cycles],
    ['SIGTERM', cycles],
    ['SIGHUP', cycles],
    ['SIGKILL + down', killCycles],
  ];
  const totals = [];
  const started = performance.now();
  for (const [kind, count] of kinds) {
    const results = [];
    let interfered = 0;
    for (let i = 1; i <= count; i++) {
      const result = await cycle(dir, kind);
      if (result.interfered && interfered < count) {
        interfered++;
        console.log(`${kind.padEnd(14)} ${String(i).padStart(3)}/${count}: another program held a demo port; cycle run again (${result.note})`);
        i--;
        continue;
      }
      results.push(result);
      const bad = !result.ready || result.processes.length > 0 || result.bound.length > 0;
      console.log(
        `${kind.padEnd(14)} ${String(i).padStart(3)}/${count}: ${result.ready ? `ready ${(result.readyMs / 1000).toFixed(1)} s` : 'NOT READY'}, stopped in ${result.stopMs.toFixed(0)} ms (${result.exit}), ${result.processes.length} processes, ${result.bound.length} ports left`,
      );
      if (bad) {
        console.log(describe(result));
        await cleanUp(dir);
      }
    }
    const stop = summarize(results.map((r) => r.stopMs).filter(Number.isFinite));
    const exits = [...new Set(results.map((r) => r.exit))].join(', ');
    totals.push({
      kind,
      cycles: results.length,
      notReady: results.filter((r) => !r.ready).length,
      processes: results.reduce((sum, r) => sum + r.processes.length, 0),
      ports: results.reduce((sum, r) => sum + r.bound.length, 0),
      dirtyCycles: results.filter((r) => r.processes.length + r.bound.length > 0).length,
      interfered,
      stop: results.length ? `${stop.median.toFixed(0)} ms (${stop.min.toFixed(0)}–${stop.max.toFixed(0)})` : '—',
      exits,
    });
  }

  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  const header =
    'kind            cycles  not ready  dirty cycles  processes left  ports left  stop median (min–max)  exits (repeated: port taken by another program)';
  const rows = totals.map(
    (t) =>
      `${t.kind.padEnd(15)} ${String(t.cycles).padStart(6)}  ${String(t.notReady).padStart(9)}  ${String(t.dirtyCycles).padStart(12)}  ${String(t.processes).padStart(14)}  ${String(t.ports).padStart(10)}  ${t.stop.padEnd(21)}  ${t.exits}${t.interfered ? ` (repeated ${t.interfered})` : ''}`,
  );
  const sum = (key) => totals.reduce((total, t) => total + t[key], 0);
  rows.push(
    `${'overall'.padEnd(15)} ${String(sum('cycles')).padStart(6)}  ${String(sum('notReady')).padStart(9)}  ${String(sum('dirtyCycles')).padStart(12)}  ${String(sum('processes')).padStart(14)}  ${String(sum('ports')).padStart(10)}`,
  );
  console.log(`\nsoak totals (${minutes} min):\n${header}\n${rows.join('\n')}`);
  const ok = sum('processes') === 0 && sum('ports') === 0 && sum('notReady') === 0;
  const verdict = ok ? 'soak: OK — 0 processes and 0 ports left after every cycle' : 'soak: FAILED — see the cycles above';
  console.log(`\n${verdict}`);
  // Only the full soak of issue 9 goes into BENCHMARKS.md; a shorter one (--cycles) is for looking.
  if (cycles === 50 && killCycles === 20) {
    const body = [
      '## Soak (`npm run soak`)',
      '',
      `Latest run: ${new Date().toISOString()} on ${Report.machine()}, ${minutes} min.`,
      '',
      '```',
      header,
      ...rows,
      '```',
      '',
      verdict,
    ];
    writeSoakSection(path.join(root, 'BENCHMARKS.md'), body.join('\n'));
    console.log('wrote the soak section of BENCHMARKS.md');
  }
  if (!options.keep && !options.dir) rmSync(base, { recursive: true, force: true });
  return ok ? 0 : 1;
}

process.exitCode = await main();
