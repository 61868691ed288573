import { appendFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LogTail } from '../../src/panes/index.js';
import { tempDir } from '../supervisor/support.js';

function followed(): { file: string; lines: string[]; tail: LogTail } {
  const file = path.join(tempDir(), 'svc.log');
  const lines: string[] = [];
  return { file, lines, tail: new LogTail(file, (line) => lines.push(line)) };
}

describe('log tail', () => {
  it('emits only what was appended since the last read, holding a partial line, and restarts after truncation', async () => {
    const { file, lines, tail } = followed();
    await tail.readNew();
    expect(lines).toEqual([]);
    writeFileSync(file, 'one\ntw');
    await tail.readNew();
    expect(lines).toEqual(['one']);
    appendFileSync(file, 'o\nthree €\n');
    await tail.readNew();
    expect(lines).toEqual(['one', 'two', 'three €']);
    writeFileSync(file, 'new\n');
    await tail.readNew();
    expect(lines.at(-1)).toBe('new');
    tail.flush();
  });

  it('keeps following when the file is rotated: the rest of the old file first, then the new file from its start', async () => {
    const { file, lines, tail } = followed();
    writeFileSync(file, 'one\n');
    await tail.readNew();
    appendFileSync(file, 'two\n');
    const previous = file.replace(/\.log$/, '.previous.log');
    renameSync(file, previous);
    // The writer still holds the renamed file: what it had queued lands there.
    appendFileSync(previous, 'three\n');
    await tail.readNew();
    expect(lines).toEqual(['one', 'two', 'three']);
    // A new file at the path, longer than what was read of the old one: found by its identity, not its size.
    writeFileSync(file, 'four\nfive\nsix\nseven\n');
    await tail.readNew();
    expect(lines).toEqual(['one', 'two', 'three', 'four', 'five', 'six', 'seven']);
    appendFileSync(file, 'eight\n');
    await tail.readNew();
    expect(lines.at(-1)).toBe('eight');
    tail.flush();
  });

  it('follows a file deleted and created again, and continues where it was after a flush', async () => {
    const { file, lines, tail } = followed();
    writeFileSync(file, 'one\n');
    await tail.readNew();
    rmSync(file);
    await tail.readNew();
    writeFileSync(file, 'two\n');
    await tail.readNew();
    tail.flush();
    appendFileSync(file, 'three\n');
    await tail.readNew();
    expect(lines).toEqual(['one', 'two', 'three']);
    tail.flush();
  });
});
