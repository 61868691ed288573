import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LogTail } from '../../src/panes/index.js';
import { tempDir } from '../supervisor/support.js';

describe('log tail', () => {
  it('emits only what was appended since the last read, holding a partial line, and restarts after truncation', async () => {
    const file = path.join(tempDir(), 'svc.log');
    const lines: string[] = [];
    const tail = new LogTail(file, (line) => lines.push(line));
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
  });
});
