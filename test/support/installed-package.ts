// tovrun as a user gets it: the tarball `npm pack` makes, installed with production dependencies only.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './processes.js';

/** What `npm pack --json` says of one tarball. */
export interface PackedTarball {
  file: string;
  files: string[];
  size: number;
}

/**
 * Packs the checkout into a temporary folder. `--ignore-scripts`: the e2e set-up has built dist/ already, and the
 * `prepare` build would empty dist/ under the tests running beside this one.
 */
export function packTarball(dryRun = false): PackedTarball {
  const destination = mkdtempSync(path.join(tmpdir(), 'tovrun-pack-'));
  const args = ['pack', '--json', '--ignore-scripts', '--pack-destination', destination, ...(dryRun ? ['--dry-run'] : [])];
  const [report] = JSON.parse(execFileSync('npm', args, { cwd: repoRoot, encoding: 'utf8' })) as {
    filename: string;
    size: number;
    files: { path: string }[];
  }[];
  if (!report) throw new Error('npm pack printed no report');
  return { file: path.join(destination, report.filename), files: report.files.map((entry) => entry.path), size: report.size };
}

/** Installs the tarball with `--omit=dev` into a new empty folder; returns the installed bin/tovrun.js. */
export function installTarball(tarball: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tovrun-installed-'));
  execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  return path.join(dir, 'node_modules', 'tovrun', 'bin', 'tovrun.js');
}
