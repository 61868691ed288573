import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/files/atomic-write.js';

describe('writeFileAtomic', () => {
  it('creates the folder, replaces the content and leaves no temporary file', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'tovrun-atomic-')), 'nested');
    writeFileAtomic(path.join(dir, 'state.json'), '{"a":1}');
    writeFileAtomic(path.join(dir, 'state.json'), '{"a":2}');
    expect(readFileSync(path.join(dir, 'state.json'), 'utf8')).toBe('{"a":2}');
    expect(readdirSync(dir)).toEqual(['state.json']);
  });
});
