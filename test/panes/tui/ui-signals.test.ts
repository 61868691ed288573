import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { UiSignals } from '../../../src/panes/tui/ui-signals.js';
import { handleStopSignals } from '../../../src/supervisor/signals.js';

describe('ui signals', () => {
  it('stops on a key as on a signal: the first one asks, a second one forces, and both sources are let go', () => {
    const process = new EventEmitter();
    const signals = new UiSignals(process);
    const calls: string[] = [];
    const stop = handleStopSignals(signals, { stop: (reason) => calls.push(`stop ${reason}`), forceStop: () => calls.push('force') });
    signals.raise('SIGINT');
    process.emit('SIGTERM');
    expect(calls).toEqual(['stop interrupted', 'force']);
    expect(stop.received).toBe('SIGINT');
    stop.dispose();
    expect(process.listenerCount('SIGINT')).toBe(0);
    signals.raise('SIGINT');
    expect(calls).toHaveLength(2);
  });
});
