import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { realHost } from '../../src/os/host.js';
import { createPrefixSink, logFilePath } from '../../src/panes/index.js';
import { directLauncher, startFailureReason } from '../../src/supervisor/direct-launcher.js';
import { fakeHost, nodeLaunch, tempDir } from './support.js';

/** A child process whose output the test writes: stdout and stderr are plain pass-through streams. */
function fakeChild(): ChildProcess & { stdout: PassThrough; stderr: PassThrough } {
  return Object.assign(new EventEmitter(), { pid: 4242, stdout: new PassThrough(), stderr: new PassThrough() }) as unknown as ChildProcess & {
    stdout: PassThrough;
    stderr: PassThrough;
  };
}

/** Lets queued callbacks and promise reactions run, but no I/O: a file write started meanwhile cannot complete. */
async function settleWithoutIo(): Promise<void> {
  for (let round = 0; round < 5; round++) await new Promise<void>((resolve) => process.nextTick(resolve));
}

describe('direct launcher', () => {
  it('pauses the output of a service while its log file is behind, and relays every line once it caught up', async () => {
    const child = fakeChild();
    const stateDir = tempDir();
    const printed: string[] = [];
    const sink = createPrefixSink({
      destination: { write: (text) => void printed.push(text) },
      services: ['svc'],
      color: false,
      stateDir,
      logLimits: { maxBytes: 1024 * 1024, highWaterMark: 16 },
    });
    const launched = await directLauncher(fakeHost({ spawn: () => child })).launch(nodeLaunch('svc', 'print-lines.js'), {
      lines: (stream, block) => sink.lines('svc', stream, block),
      whenWritable: () => sink.whenWritable(),
    });
    await settleWithoutIo();
    const long = 'x'.repeat(64);
    child.stdout.write(`${long}\n`);
    await settleWithoutIo();
    // The sink wrote the first line to the log: more than 16 bytes wait there, so the next chunk pauses the pipe.
    child.stdout.write('second\n');
    await settleWithoutIo();
    expect(child.stdout.isPaused()).toBe(true);
    child.stdout.write('third');
    await settleWithoutIo();
    expect(printed.join('')).toBe(`svc | ${long}\nsvc | second\n`);
    child.stderr.end('on stderr\n');
    child.stdout.end('\n');
    child.emit('exit', 0, null);
    await launched.drain(5_000);
    await sink.close();
    const stderrLine = 'on stderr';
    const stdoutLines = (text: string) => text.split('\n').filter((line) => line !== '' && !line.endsWith(stderrLine));
    expect(stdoutLines(printed.join(''))).toEqual([`svc | ${long}`, 'svc | second', 'svc | third']);
    expect(printed.join('')).toContain(`svc | ${stderrLine}\n`);
    const logged = readFileSync(logFilePath(stateDir, 'svc'), 'utf8');
    expect(stdoutLines(logged)).toEqual([long, 'second', 'third']);
    expect(logged).toContain(`${stderrLine}\n`);
  });

  it('passes on a last line without a newline when the output ends', async () => {
    const child = fakeChild();
    const blocks: string[] = [];
    const launched = await directLauncher(fakeHost({ spawn: () => child })).launch(nodeLaunch('svc', 'print-lines.js'), {
      lines: (_stream, block) => void blocks.push(block),
      whenWritable: () => undefined,
    });
    child.stdout.write('one\r\ntwo\r\nthr');
    child.stdout.end('ee\r');
    child.stderr.end();
    child.emit('exit', 0, null);
    await launched.drain(5_000);
    expect(blocks).toEqual(['one\ntwo', 'three']);
  });
});

describe('direct launcher: why a service could not start', () => {
  const noOutput = { lines: () => undefined, whenWritable: () => undefined };
  const launch = (overrides: Parameters<typeof nodeLaunch>[3]) => directLauncher(realHost()).launch(nodeLaunch('svc', 'forever.js', [], overrides), noOutput);

  it('names a missing folder, not the program Node blames for it', async () => {
    await expect(launch({ cwd: '/nonexistent/tovrun-dir' })).rejects.toThrow(/^folder \/nonexistent\/tovrun-dir does not exist$/);
  });

  it('names a folder that is a file', async () => {
    const file = path.join(tempDir(), 'plain-file');
    writeFileSync(file, '');
    await expect(launch({ cwd: file })).rejects.toThrow(new RegExp(`^${file} is not a folder$`));
  });

  it('names a missing program, on PATH or by path, and an empty one', async () => {
    await expect(launch({ file: 'tovrun-no-such-program' })).rejects.toThrow(/^program tovrun-no-such-program was not found on PATH$/);
    await expect(launch({ file: '/nonexistent/prog' })).rejects.toThrow(/^program \/nonexistent\/prog was not found$/);
    await expect(launch({ file: '' })).rejects.toThrow(/^the program to run is empty$/);
  });

  it('on Windows, looks the program up with PATHEXT first: a missing one is "not found" and nothing is spawned', async () => {
    // Issue 15, defect 1: services go through os/spawn-command.ts, as installs do (the .cmd case runs for real in test/windows/).
    const spawned: string[] = [];
    const host = fakeHost({ platform: 'win32', spawn: (file) => (spawned.push(file), fakeChild()) });
    const spec = nodeLaunch('svc', 'forever.js', [], { file: 'tovrun-no-such-program', env: { Path: 'C:\\none', PATHEXT: '.EXE;.CMD' } });
    await expect(directLauncher(host).launch(spec, noOutput)).rejects.toThrow(/^program tovrun-no-such-program was not found on PATH$/);
    expect(spawned).toEqual([]);
  });

  it('keeps any other reason as Node gave it', () => {
    expect(startFailureReason(new Error('spawn EMFILE'), { file: 'x', cwd: '/' }, () => null)).toBe('spawn EMFILE');
  });
});
