import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { handleStopSignals, runExitCode, type StopReason } from '../../src/supervisor/index.js';

function target() {
  const calls: string[] = [];
  return { calls, stop: (reason: StopReason) => calls.push(`stop:${reason}`), forceStop: () => calls.push('force') };
}

describe('stop signals', () => {
  it('stops on the first SIGINT and forces on the second', () => {
    const emitter = new EventEmitter();
    const stoppable = target();
    const signals = handleStopSignals(emitter, stoppable);
    emitter.emit('SIGINT');
    emitter.emit('SIGINT');
    expect(stoppable.calls).toEqual(['stop:interrupted', 'force']);
    expect(signals.received).toBe('SIGINT');
  });

  it('treats SIGTERM and SIGHUP as termination, and removes its listeners on dispose', () => {
    const emitter = new EventEmitter();
    const stoppable = target();
    const signals = handleStopSignals(emitter, stoppable);
    emitter.emit('SIGHUP');
    emitter.emit('SIGTERM');
    expect(stoppable.calls).toEqual(['stop:terminated', 'force']);
    signals.dispose();
    expect(['SIGINT', 'SIGTERM', 'SIGHUP'].map((signal) => emitter.listenerCount(signal))).toEqual([0, 0, 0]);
  });

  it('exits 130 after Ctrl-C, 1 when a service failed (whatever its own code, or none after a signal), else 0', () => {
    const outcome = { exitCode: 3, stopReason: null, services: [] };
    expect(runExitCode(outcome, 'SIGINT')).toBe(130);
    expect(runExitCode(outcome, 'SIGTERM')).toBe(1);
    expect(runExitCode(outcome, null)).toBe(1);
    const killed = { name: 'api', exit: { code: null, signal: 'SIGKILL' as const }, failed: true, restarts: 0, code: 0 };
    expect(runExitCode({ exitCode: 0, stopReason: null, services: [killed] }, null)).toBe(1);
    expect(runExitCode({ exitCode: 0, stopReason: 'terminated', services: [{ ...killed, failed: false }] }, 'SIGTERM')).toBe(0);
  });
});
