import { describe, expect, it } from 'vitest';
import { InstallStepFailure } from '../../src/install/step-failure.js';
import { isLiveOutput, runInstallTasks } from '../../src/install/task-list.js';
import { memoryContext, memoryOutput } from '../support/memory-context.js';

describe('isLiveOutput', () => {
  it('is live only in a terminal outside CI', () => {
    expect(isLiveOutput({ stdout: memoryOutput(true), env: {} })).toBe(true);
    expect(isLiveOutput({ stdout: memoryOutput(false), env: {} })).toBe(false);
    expect(isLiveOutput({ stdout: memoryOutput(true), env: { CI: 'true' } })).toBe(false);
    expect(isLiveOutput({ stdout: memoryOutput(true), env: { CI: 'false' } })).toBe(true);
  });
});

describe('runInstallTasks', () => {
  it('prints plain labelled lines when not a terminal, and one failure does not stop the other task', async () => {
    const ctx = memoryContext(process.cwd());
    const outcomes = await runInstallTasks(
      [
        { name: 'backend', prepared: { reason: 'no install recorded yet', install: async () => Promise.reject(new InstallStepFailure('pip failed')) } },
        { name: 'frontend', prepared: { reason: 'package.json changed', install: async (reporter) => reporter.step('npm install --include=dev') } },
        { name: 'worker', error: new InstallStepFailure('no package.json') },
      ],
      ctx,
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['failed', 'installed', 'failed']);
    expect(outcomes[0]?.reason).toBe('no install recorded yet');
    expect(ctx.stdout.text()).toContain('frontend: npm install --include=dev');
    expect(ctx.stdout.text()).toMatch(/frontend: installed in \d+\.\ds/);
  });
});
