// Benchmark helpers: timing with warm-up and medians, child-process CPU and memory, and the BENCHMARKS.md table.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';

/** The targets of issue 9, as BENCHMARKS.md and the README state them. */
export const targets = [
  'startup: `tovrun --version` and `tovrun --help` at most 1.5x `node -e 0`',
  'warm start of the demo to "ready": at most 1.15x starting Flask and Vite by hand',
  "warm install (nothing changed): at least 10x faster than the old script's pip upgrade + pip install + npm install",
  'cold install, backend and frontend in parallel: at most 1.15x the slower of the two alone',
  "log relay through the CLI: at least 1.5x concurrently's throughput, 0 lines lost",
  'stop: SIGINT to every process gone and every port free in under 500 ms (Flask + Vite, and a 25-process tree)',
  "memory: tovrun's peak resident memory while supervising the demo under 60 MB",
];

/** Median, min and max of a list of numbers. */
export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/** Runs fn warmup times untimed, then runs times timed; returns the summary of the values fn resolves to (ms by default). */
export async function measure(fn, { runs = 5, warmup = 1 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const values = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const value = await fn();
    values.push(typeof value === 'number' ? value : performance.now() - started);
  }
  return summarize(values);
}

/** Runs a command to completion; resolves with wall ms and the exit code. */
export function runCommand(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: options.stdio ?? 'ignore', cwd: options.cwd, env: options.env ?? process.env });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ ms: performance.now() - started, code }));
  });
}

/** Seconds of a POSIX `times` field such as 1m2.345s (or 1m2,345s in some locales). */
function timesSeconds(field) {
  const match = /^(\d+)m([\d.,]+)s$/.exec(field ?? '');
  return match ? Number(match[1]) * 60 + Number(match[2].replace(',', '.')) : Number.NaN;
}

/**
 * Runs a command under `sh -c '"$@"; times'`: resolves with wall ms, the exit code and the CPU seconds (user + system)
 * of the command's whole process tree — the shell's `times` reports its waited-for children, and every process here
 * waits for its own — so services, relays and `cat` are all counted. Portable to any POSIX shell, no /usr/bin/time.
 * stdout: 'devnull', 'pipe' (then onStdout gets the stream) or a file descriptor.
 */
export function runTree(command, args, { cwd, env = process.env, stdout = 'devnull', onStdout } = {}) {
  return new Promise((resolve, reject) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tovrun-bench-times-'));
    const timesFile = path.join(dir, 'times');
    const script = '"$@"; status=$?; times > "$BENCH_TIMES_FILE"; exit $status';
    const out = stdout === 'devnull' ? 'ignore' : stdout;
    const started = performance.now();
    const child = spawn('sh', ['-c', script, 'sh', command, ...args], { cwd, env: { ...env, BENCH_TIMES_FILE: timesFile }, stdio: ['ignore', out, 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    if (stdout === 'pipe') onStdout?.(child.stdout);
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      let cpu = Number.NaN;
      try {
        const children = readFileSync(timesFile, 'utf8').trim().split('\n')[1]?.trim().split(/\s+/) ?? [];
        cpu = timesSeconds(children[0]) + timesSeconds(children[1]);
      } catch {
        // no times output: leave NaN
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ ms, cpu, code, stderr });
    });
  });
}

/** Peak resident memory (VmHWM) of a live process in MB, or NaN when it is gone. */
export function peakMemoryMb(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmHWM:'));
    return Number(line.split(/\s+/)[1]) / 1024;
  } catch {
    return Number.NaN;
  }
}

/** A row collector that prints each figure and writes BENCHMARKS.md at the end. */
export class Report {
  rows = [];
  started = new Date();
  loadAtStart = loadavg();

  /** Adds a figure: tovrun's summary beside its reference's, the target in words, and whether it was met. */
  add(row) {
    this.rows.push(row);
    const fmt = (s) => (s ? `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})` : '—');
    const ratio = Report.ratio(row);
    console.log(
      `${row.met ? 'MET ' : 'MISS'} ${row.figure}: tovrun ${fmt(row.tovrun)} ${row.unit} vs ${row.referenceName} ${fmt(row.reference)}${ratio ? ` (${ratio})` : ''} — target ${row.target}`,
    );
  }

  /** tovrun's median over the reference's, e.g. "1.42x", when both exist. */
  static ratio(row) {
    if (!row.tovrun || !row.reference?.median || row.unit === 'lines') return '';
    return `${(row.tovrun.median / row.reference.median).toFixed(2)}x`;
  }

  /** The machine the figures were taken on. */
  static machine() {
    const python = (() => {
      try {
        return execFileSync('python3', ['--version'], { encoding: 'utf8' }).trim();
      } catch {
        return 'python3 not found';
      }
    })();
    return `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ${python}, ${process.platform}`;
  }

  /** Writes the table to a Markdown file, keeping the soak section `npm run soak` wrote there. */
  write(file, notes = []) {
    const fmt = (s) => (s ? `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)}, n=${s.runs})` : '—');
    const load = (values) => values.map((value) => value.toFixed(2)).join(' ');
    const lines = [
      '# Benchmarks',
      '',
      `Latest run: ${this.started.toISOString()} on ${Report.machine()}.`,
      `Load average at start ${load(this.loadAtStart)}, at end ${load(loadavg())} (1, 5, 15 min): figures taken on a busy machine are noisy.`,
      'Each figure: median (min–max, runs) after a warm-up; tovrun beside its reference measured in the same run;',
      'ratio = tovrun median / reference median (for a time below 1 means tovrun is faster; for a throughput above 1 does).',
      'Reproduce with `npm run build && npm run bench` (`node bench/run.mjs <prefix>` for one file).',
      '',
      '## Targets',
      '',
      ...targets.map((target) => `- ${target}`),
      '',
      '## Figures',
      '',
      '| figure | unit | tovrun | reference | reference value | ratio | target | met |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...this.rows.map(
        (r) =>
          `| ${r.figure} | ${r.unit} | ${fmt(r.tovrun)} | ${r.referenceName} | ${fmt(r.reference)} | ${Report.ratio(r) || '—'} | ${r.target} | ${r.met ? 'yes' : '**no**'} |`,
      ),
      '',
      ...notes,
    ];
    const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const kept = [comparisonsSection(old), soakSection(old)].filter(Boolean);
    writeFileSync(file, `${lines.join('\n')}\n${kept.map((section) => `\n${section}\n`).join('')}`);
  }
}

const soakStart = '<!-- soak: written by `npm run soak`, kept by `npm run bench` -->';
const soakEnd = '<!-- /soak -->';

/** The part of text from startMarker to endMarker (both included), or '' when it has none. */
function markedSection(text, startMarker, endMarker) {
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker, start);
  return start === -1 || end === -1 ? '' : text.slice(start, end + endMarker.length);
}

/** The soak section of a BENCHMARKS.md text (markers included), or '' when it has none. */
export function soakSection(text) {
  return markedSection(text, soakStart, soakEnd);
}

const comparisonsStart = '<!-- comparisons: dated comparisons written by hand, kept by `npm run bench` -->';
const comparisonsEnd = '<!-- /comparisons -->';

/** The hand-written comparisons section of a BENCHMARKS.md text (markers included), or '' when it has none. */
function comparisonsSection(text) {
  return markedSection(text, comparisonsStart, comparisonsEnd);
}

/** Puts body in the soak section of the Markdown file (replacing the last one, or at the end). */
export function writeSoakSection(file, body) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const section = `${soakStart}\n${body.trimEnd()}\n${soakEnd}`;
  const old = soakSection(text);
  writeFileSync(file, old ? text.replace(old, section) : `${text.trimEnd()}\n\n${section}\n`);
}

/** Live processes (pid, state, command line) whose working folder or command line is inside dir; zombies are left out. */
export function processesUnder(dir, { exclude = [process.pid] } = {}) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || exclude.includes(Number(entry))) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (state === 'Z' || state === 'X') continue;
      const cwd = readlinkSync(`/proc/${entry}/cwd`);
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      if (cwd === dir || cwd.startsWith(`${dir}/`) || cmdline.includes(dir)) found.push({ pid: Number(entry), state, cmdline });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/** The ports among `ports` that some socket is listening on (TCP, IPv4 or IPv6), with the socket inodes. */
export function listeningPorts(ports) {
  const found = new Map();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[3] !== '0A') continue; // LISTEN
      const port = Number.parseInt(fields[1]?.split(':')[1] ?? '', 16);
      if (ports.includes(port)) found.set(port, [...(found.get(port) ?? []), fields[9]]);
    }
  }
  return [...found].map(([port, inodes]) => ({ port, inodes }));
}

/** The processes holding a socket inode open: pid and command line (best effort, for diagnostics). */
export function socketHolders(inodes) {
  const wanted = new Set(inodes.map((inode) => `socket:[${inode}]`));
  const holders = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readdirSync(`/proc/${entry}/fd`).some((fd) => wanted.has(readlinkSync(`/proc/${entry}/fd/${fd}`)))) {
        holders.push({ pid: Number(entry), cmdline: readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim() });
      }
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return holders;
}
