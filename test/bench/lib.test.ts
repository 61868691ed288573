// bench/lib.mjs: a whole `npm run bench` rewrites BENCHMARKS.md but keeps the hand-written comparisons and the soak.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Report, writeSoakSection } from '../../bench/lib.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('Report.write', () => {
  it('replaces the figures but keeps the comparisons section and the soak section', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tovrun-bench-'));
    dirs.push(dir);
    const file = path.join(dir, 'BENCHMARKS.md');
    const comparisons = [
      '<!-- comparisons: dated comparisons written by hand, kept by `npm run bench` -->',
      '## After issue 14',
      'startup 1.2x',
      '<!-- /comparisons -->',
    ].join('\n');
    writeFileSync(file, `# Benchmarks\n\nold figures\n\n${comparisons}\n`);
    writeSoakSection(file, 'soak: OK');
    const report = new Report();
    report.rows.push({
      figure: 'startup',
      unit: 'ms',
      tovrun: { median: 1, min: 1, max: 1, runs: 1 },
      reference: null,
      referenceName: '—',
      target: 'x',
      met: true,
    });
    report.write(file);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('old figures');
    expect(text).toContain('| startup | ms |');
    expect(text).toContain(comparisons);
    expect(text).toContain('soak: OK\n<!-- /soak -->');
    expect(text.indexOf(comparisons)).toBeLessThan(text.indexOf('soak: OK'));
  });
});
