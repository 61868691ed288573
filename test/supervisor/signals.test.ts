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

  it('exits 130 after Ctrl-C, otherwise with the first failing code', () => {
    const outcome = { exitCode: 3, stopReason: null, services: [] };
    expect(runExitCode(outcome, 'SIGINT')).toBe(130);
    expect(runExitCode(outcome, 'SIGTERM')).toBe(3);
    expect(runExitCode(outcome, null)).toBe(3);
  });
});
