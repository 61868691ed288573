// Benchmark helpers: timing with warm-up and medians, child-process CPU and memory, and the BENCHMARKS.md table.
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

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

/** Runs a command to completion; resolves with wall ms, user+system CPU seconds (from /usr/bin/time when present) and the exit code. */
export function runCommand(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: options.stdio ?? 'ignore', cwd: options.cwd, env: options.env ?? process.env });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ ms: performance.now() - started, code }));
  });
}

/** A row collector that prints each figure and writes BENCHMARKS.md at the end. */
export class Report {
  rows = [];

  /** Adds a figure: tovrun's summary beside its reference's, the target in words, and whether it was met. */
  add(row) {
    this.rows.push(row);
    const fmt = (s) => (s ? `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})` : '—');
    console.log(`${row.met ? 'MET ' : 'MISS'} ${row.figure}: tovrun ${fmt(row.tovrun)} ${row.unit} vs ${row.referenceName} ${fmt(row.reference)} — target ${row.target}`);
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

  /** Writes the table to a Markdown file. */
  write(file, notes = []) {
    const fmt = (s) => (s ? `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)}, n=${s.runs})` : '—');
    const lines = [
      '# Benchmarks',
      '',
      `Latest run: ${new Date().toISOString()} on ${Report.machine()}.`,
      'Each figure: median (min–max, runs) after a warm-up; tovrun beside its reference measured in the same run.',
      '',
      '| figure | unit | tovrun | reference | reference value | target | met |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...this.rows.map((r) => `| ${r.figure} | ${r.unit} | ${fmt(r.tovrun)} | ${r.referenceName} | ${fmt(r.reference)} | ${r.target} | ${r.met ? 'yes' : '**no**'} |`),
      '',
      ...notes,
    ];
    writeFileSync(file, `${lines.join('\n')}\n`);
  }
}
