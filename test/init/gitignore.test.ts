// .gitignore lines: only the missing ones, whatever slashes the existing lines use.
import { describe, expect, it } from 'vitest';
import { ignoreAppendText, missingIgnoreLines } from '../../src/init/gitignore.js';

describe('missingIgnoreLines', () => {
  it('all lines for no file', () => expect(missingIgnoreLines(undefined)).toEqual(['.env', 'venv/', '.venv/', '.tovrun/', 'node_modules/']));
  it('recognises lines with or without leading and trailing slashes', () => {
    expect(missingIgnoreLines('/.env\nvenv\n/.tovrun/\r\nnode_modules\n')).toEqual(['.venv/']);
  });
  it('appends after a file lacking a final newline', () => {
    expect(ignoreAppendText('*.log', ['.env'])).toBe("\n\n# tovrun: local settings, virtual environments, tovrun's state and logs, installed packages\n.env\n");
  });
});
