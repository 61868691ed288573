import { describe, expect, it } from 'vitest';
import type { CheckEffects } from '../../src/check/effects.js';
import type { CheckInput } from '../../src/check/input.js';
import { type DoctorCheck, runDoctorChecks } from '../../src/check/run-checks.js';
import { ConfigError } from '../../src/errors.js';
import { finding } from '../../src/report/findings.js';

function inputWith(effects: Partial<CheckEffects> = {}, requireDb = false): CheckInput {
  return { requireDb, effects: { timeoutsMs: {}, now: () => performance.now(), ...effects } } as unknown as CheckInput;
}

const never = () => new Promise<never>(() => undefined);
const settlesAfter = (ms: number, id: string) => () =>
  new Promise<{ findings: ReturnType<typeof finding>[]; secrets: string[] }>((resolve) =>
    setTimeout(() => resolve({ findings: [finding(id, 'ok', id)], secrets: [id] }), ms),
  );

describe('runDoctorChecks', () => {
  it('runs the checks at once and keeps their order, each finding stamped with its check duration', async () => {
    const checks: DoctorCheck[] = [
      { name: 'slow', description: '', timeoutMs: 5_000, run: settlesAfter(150, 'slow/ok') },
      { name: 'fast', description: '', timeoutMs: 5_000, run: settlesAfter(150, 'fast/ok') },
    ];
    const started = performance.now();
    const report = await runDoctorChecks(checks, inputWith());
    expect(performance.now() - started).toBeLessThan(290);
    expect(report.findings.map((item) => item.id)).toEqual(['slow/ok', 'fast/ok']);
    expect(report.findings[0]?.durationMs).toBeGreaterThanOrEqual(140);
    expect(report.secrets).toEqual(['slow/ok', 'fast/ok']);
  });

  it('takes durations from the injected clock', async () => {
    let tick = 0;
    const report = await runDoctorChecks(
      [{ name: 'env', description: '', timeoutMs: 1_000, run: () => ({ findings: [finding('env/ok', 'ok', 'x')], secrets: [] }) }],
      inputWith({ now: () => (tick += 40) }),
    );
    expect(report.findings[0]?.durationMs).toBe(40);
  });

  it('turns a check that outlives its timeout into a warning saying so, without waiting for it', async () => {
    const checks: DoctorCheck[] = [{ name: 'ports', description: '', timeoutMs: 60_000, run: never }];
    const report = await runDoctorChecks(checks, inputWith({ timeoutsMs: { ports: 50 } }));
    expect(report.findings).toEqual([
      expect.objectContaining({ id: 'ports/timeout', status: 'warn', message: expect.stringContaining('did not finish within 0.1 s') }),
    ]);
  });

  it('lets a check choose the timeout status (the database is an error with --require-db)', async () => {
    const database: DoctorCheck = {
      name: 'database',
      description: '',
      timeoutMs: 30,
      timeoutStatus: (input) => (input.requireDb ? 'error' : 'warn'),
      run: never,
    };
    expect((await runDoctorChecks([database], inputWith({}, true))).findings[0]?.status).toBe('error');
    expect((await runDoctorChecks([database], inputWith({}, false))).findings[0]?.status).toBe('warn');
  });

  it('reports a check that throws as an error finding, but lets a configuration error through (exit 2)', async () => {
    const crash: DoctorCheck = { name: 'compose', description: '', timeoutMs: 1_000, run: () => Promise.reject(new Error('boom')) };
    const report = await runDoctorChecks([crash], inputWith());
    expect(report.findings).toEqual([
      expect.objectContaining({ id: 'compose/crashed', status: 'error', message: 'the compose check failed unexpectedly: boom' }),
    ]);
    const broken: DoctorCheck = {
      name: 'env',
      description: '',
      timeoutMs: 1_000,
      run: () => {
        throw new ConfigError('bad template', { file: '.env.template', line: 3 });
      },
    };
    await expect(runDoctorChecks([broken], inputWith())).rejects.toThrow(ConfigError);
  });
});
