import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCopy, planCopy } from '../../src/files/copy-tree.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tovrun-tree-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('copy-tree', () => {
  it('copies every file but never overwrites, and skips install folders', () => {
    const source = tree({ 'a.txt': 'new a', 'sub/b.txt': 'new b', 'node_modules/x/index.js': 'x', 'backend/venv/pyvenv.cfg': 'v' });
    const target = tree({ 'a.txt': 'mine' });
    const planned = planCopy(source, target);
    expect(planned.map((copy) => [path.relative(target, copy.to), copy.exists])).toEqual([
      ['a.txt', true],
      ['sub/b.txt', false],
    ]);
    expect(applyCopy(planned).map((copy) => path.relative(target, copy.to))).toEqual(['sub/b.txt']);
    expect(readFileSync(path.join(target, 'a.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(path.join(target, 'sub/b.txt'), 'utf8')).toBe('new b');
  });
});
