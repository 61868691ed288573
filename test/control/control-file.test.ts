import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { controlFilePath, parseControlRecord, readControlFile, removeControlFile, writeControlFile } from '../../src/control/control-file.js';
import { tempDir } from '../supervisor/support.js';

describe('.tovrun/control.json', () => {
  it('round-trips, and is removed only by the tovrun it names', () => {
    const dir = tempDir('tovrun-control-file-');
    writeControlFile(dir, { version: 1, pid: 4242, socket: '/tmp/s.sock' });
    expect(readControlFile(dir)).toEqual({ version: 1, pid: 4242, socket: '/tmp/s.sock' });
    removeControlFile(dir, 4243);
    expect(readControlFile(dir)).not.toBeNull();
    removeControlFile(dir, 4242);
    expect(readControlFile(dir)).toBeNull();
  });

  it('reads a file tovrun did not write as no record', () => {
    expect(parseControlRecord('{')).toBeNull();
    expect(parseControlRecord('null')).toBeNull();
    expect(parseControlRecord(JSON.stringify({ version: 1, pid: '1', socket: 's' }))).toBeNull();
    expect(parseControlRecord(JSON.stringify({ version: 1, pid: 7, socket: 's', extra: true }))).toEqual({ version: 1, pid: 7, socket: 's' });
  });

  it('never blocks on a named pipe (FIFO) put in its place, and reads a folder there as no record', () => {
    const dir = tempDir('tovrun-control-file-');
    execFileSync('mkfifo', [controlFilePath(dir)]);
    expect(readControlFile(dir)).toBeNull();
    const other = tempDir('tovrun-control-file-');
    execFileSync('mkdir', [controlFilePath(other)]);
    expect(readControlFile(other)).toBeNull();
  }, 5_000);
});
