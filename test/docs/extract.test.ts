// The marker extraction of the docs test: only blocks right after the marker, and a marker without a block is an error.
import { describe, expect, it } from 'vitest';
import { extractLinuxBlocks } from './extract.js';

describe('extractLinuxBlocks', () => {
  it('takes the marked sh blocks only', () => {
    const text = ['```sh', 'not run', '```', '<!-- test: linux -->', '```sh', 'tovrun --dry-run', 'tovrun check env', '```'].join('\n');
    expect(extractLinuxBlocks('X.md', text)).toEqual([{ file: 'X.md', line: 5, script: 'tovrun --dry-run\ntovrun check env' }]);
  });
  it('a marker not followed by a fenced block is an error naming the line', () => {
    expect(() => extractLinuxBlocks('X.md', '<!-- test: linux -->\ntext')).toThrow(/X\.md:1/);
  });
});
