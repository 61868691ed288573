import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { includedFiles, requirementFiles, requirementLines } from '../../src/install/requirements.js';

const root = path.resolve('/w/backend/requirements.txt');
const at = (...segments: string[]) => path.resolve('/w/backend', ...segments);

describe('requirementFiles', () => {
  it('follows -r, --requirement, -c and --constraint in every spelling, recursively and relative to each file', () => {
    const files: Record<string, string> = {
      [root]: 'flask==3.0  # web\n-r requirements/base.txt\n--constraint=constraints.txt\n',
      [at('requirements', 'base.txt')]: '--requirement common.txt\n-cpins.txt\n',
      [at('requirements', 'common.txt')]: 'requests\n',
      [at('requirements', 'pins.txt')]: 'urllib3<3\n',
      [at('constraints.txt')]: '-r requirements.txt\n',
    };
    expect(requirementFiles(root, (file) => files[file])).toEqual([
      root,
      at('requirements', 'base.txt'),
      at('requirements', 'common.txt'),
      at('requirements', 'pins.txt'),
      at('constraints.txt'),
    ]);
  });

  it('lists a missing nested file without following it', () => {
    expect(requirementFiles(root, (file) => (file === root ? '-r gone.txt\n' : undefined))).toEqual([root, at('gone.txt')]);
  });
});

describe('requirement parsing', () => {
  it('joins continuation lines and drops comments and blanks', () => {
    expect(requirementLines('# top\nflask \\\n  ==3.0\n\n-r  other.txt # why\nname#not-a-comment\n')).toEqual([
      'flask   ==3.0',
      '-r  other.txt',
      'name#not-a-comment',
    ]);
  });

  it('skips URLs and ignores other options', () => {
    expect(includedFiles('-r https://example.com/req.txt\n-e .\n--index-url https://x\n-r local.txt\n', root)).toEqual([at('local.txt')]);
  });
});
