import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { stopDuringInstall } from '../../../src/panes/tui/install-stop.js';
import { UiSignals } from '../../../src/panes/tui/ui-signals.js';

/** A stop watcher over a fake process and the UI's keys, recording the close and the kills in order. */
function watch(platform: NodeJS.Platform = 'linux', leader = true) {
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
    leadsGroup: async () => leader,
    pid: 4242,
    platform,
    exit: (code) => calls.push(`exit ${code}`),
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

  it('signals the group only while tovrun leads it: under a script in its group, a key ends tovrun alone', async () => {
    const { calls, keys } = watch('linux', false);
    keys().raise('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toEqual(['close', 'kill 4242 SIGINT']);
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

  // libuv's uv_kill takes pid 0 as the current process on Windows (src/win/process.c), and every child that is not
  // detached is in a job object that ends with tovrun (JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE, uv__init_global_job_handle).
  it('on Windows a key ends tovrun with exit code 130 after closing the UI, the installers going with its job object', async () => {
    const { calls, keys } = watch('win32');
    keys().raise('SIGINT');
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual(['close', 'exit 130']);
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
