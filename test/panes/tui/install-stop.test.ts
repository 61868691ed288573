import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { stopDuringInstall } from '../../../src/panes/tui/install-stop.js';
import { UiSignals } from '../../../src/panes/tui/ui-signals.js';

/** A stop watcher over a fake process and the UI's keys, recording the close and the kills in order. */
function watch() {
  const process = new EventEmitter();
  const calls: string[] = [];
  let keys: UiSignals | null = null;
  const stop = stopDuringInstall({
    process,
    withKeys: (source) => {
      keys = new UiSignals(source);
      return keys;
    },
    close: async () => {
      calls.push('close');
    },
    kill: (pid, signal) => calls.push(`kill ${pid} ${signal}`),
    pid: 4242,
  });
  return { process, calls, stop, keys: () => keys as unknown as UiSignals };
}

describe('stop during the install', () => {
  it('Ctrl-C closes the UI first, then sends SIGINT to the process group as the terminal would', async () => {
    const { calls, keys, process } = watch();
    keys().raise('SIGINT');
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual(['close', 'kill 0 SIGINT']);
    expect(process.listenerCount('SIGINT')).toBe(0);
  });

  it('q sends SIGTERM to the group; a signal sent to tovrun is raised again on tovrun alone', async () => {
    const first = watch();
    first.keys().raise('SIGTERM');
    const second = watch();
    second.process.emit('SIGTERM');
    await new Promise((resolve) => setImmediate(resolve));
    expect(first.calls).toEqual(['close', 'kill 0 SIGTERM']);
    expect(second.calls).toEqual(['close', 'kill 4242 SIGTERM']);
  });

  it('after the install (dispose) neither keys nor signals do anything here: the supervisor takes over', async () => {
    const { calls, keys, process, stop } = watch();
    stop.dispose();
    keys().raise('SIGINT');
    process.emit('SIGINT');
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([]);
    expect(process.listenerCount('SIGINT')).toBe(0);
  });
});
