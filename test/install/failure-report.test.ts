import { describe, expect, it } from 'vitest';
import { failureLines, failureSummary, installReportLines } from '../../src/install/failure-report.js';
import { InstallStepFailure } from '../../src/install/step-failure.js';
import type { ServiceOutcome } from '../../src/install/task-list.js';

const failed: ServiceOutcome = {
  name: 'backend',
  status: 'failed',
  durationMs: 10,
  warnings: [],
  error: new InstallStepFailure('pip install -r requirements.txt exited with code 1', {
    tail: ['Collecting nope', 'ERROR: No matching distribution found for nope'],
    hint: 'Check the spelling.',
  }),
};
const installed: ServiceOutcome = { name: 'frontend', status: 'installed', durationMs: 10, warnings: ['something small'] };

describe('failure report', () => {
  it('labels every line of the tail with the service and ends with the hint', () => {
    expect(failureLines(failed, false)).toEqual([
      'backend: pip install -r requirements.txt exited with code 1',
      'backend | ... last 2 lines of output:',
      'backend | Collecting nope',
      'backend | ERROR: No matching distribution found for nope',
      'backend: hint: Check the spelling.',
    ]);
  });

  it('reports an unexpected error by its message, without a stack unless debugging', () => {
    const lines = failureLines({ ...failed, error: new Error('kaboom') }, false);
    expect(lines[0]).toBe('backend: unexpected error: kaboom');
    expect(lines.join('\n')).not.toContain('    at ');
  });

  it('puts warnings first, then failures, and summarises who failed', () => {
    const lines = installReportLines([failed, installed], false);
    expect(lines[0]).toBe('frontend: warning: something small');
    expect(lines).toContain('backend | Collecting nope');
    expect(failureSummary([failed, installed])).toBe('install failed for backend (frontend installed).');
  });
});
