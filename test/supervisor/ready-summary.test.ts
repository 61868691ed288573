import { describe, expect, it } from 'vitest';
import { describeEvent, formatReadySummary } from '../../src/supervisor/index.js';

describe('ready summary and event lines', () => {
  it('aligns each service with its URL and time to ready', () => {
    const summary = formatReadySummary([
      { name: 'backend', url: 'http://127.0.0.1:5001/', readyMs: 1234, probe: { kind: 'tcp', port: 5001, timeoutMs: 1 } },
      { name: 'web', url: null, readyMs: 80, probe: { kind: 'none' } },
    ]);
    expect(summary).toBe('Ready:\n  backend  http://127.0.0.1:5001/  ready in 1.2 s\n  web      -                       ready in 0.1 s\n');
  });

  it('names the instance above 0 in its first line', () => {
    const services = [{ name: 'backend', url: 'http://127.0.0.1:5011/', readyMs: 1000, probe: { kind: 'none' as const } }];
    expect(formatReadySummary(services, { number: 1, source: '--instance', auto: false })).toBe(
      'Ready, instance 1 (ports +10):\n  backend  http://127.0.0.1:5011/  ready in 1.0 s\n',
    );
    expect(formatReadySummary(services, { number: 0, source: 'TOVRUN_INSTANCE', auto: false })).toMatch(/^Ready:\n/);
  });

  it('describes exits, restarts and fallbacks in words', () => {
    expect(describeEvent({ type: 'exited', service: 'a', exit: { code: null, signal: 'SIGKILL' }, requested: false })).toBe('was killed by SIGKILL');
    expect(describeEvent({ type: 'exited', service: 'a', exit: { code: null, signal: 'SIGTERM' }, requested: true })).toBe('stopped');
    expect(describeEvent({ type: 'restarting', service: 'a', attempt: 2, maxRetries: 5, delayMs: 2_000 })).toBe('restarting in 2.0 s (attempt 2 of 5)');
    expect(
      describeEvent({
        type: 'probe-fallback',
        service: 'a',
        from: { kind: 'http', url: 'http://127.0.0.1:5001/health', timeoutMs: 1 },
        to: { kind: 'tcp', port: 5001, timeoutMs: 1 },
      }),
    ).toBe('HTTP http://127.0.0.1:5001/health answered 404; waiting for TCP port 5001 instead');
  });
});
