// compose is not measured (no engine in the tests yet): these are the examples of its documentation, docs.docker.com
// "Syntax for environment files" and "Interpolation", which the model must reproduce.
import { describe, expect, it } from 'vitest';
import { readAsCompose } from '../../../src/env/readers/compose.js';

function value(line: string, before = ''): string | undefined {
  return readAsCompose(`${before}${line}\n`).values.get('VAR');
}

describe('readAsCompose: the documented .env syntax', () => {
  it.each([
    ['VAR=VAL', 'VAL'],
    ['VAR="VAL"', 'VAL'],
    ["VAR='VAL'", 'VAL'],
    ['VAR=VAL # comment', 'VAL'],
    ['VAR=VAL# not a comment', 'VAL# not a comment'],
    ['VAR="VAL # not a comment"', 'VAL # not a comment'],
    ['VAR="VAL" # comment', 'VAL'],
    ["VAR='$OTHER'", '$OTHER'],
    ["VAR='${OTHER}'", '${OTHER}'],
    ["VAR='Let\\'s go!'", "Let's go!"],
    ['VAR="{\\"hello\\": \\"json\\"}"', '{"hello": "json"}'],
    ['VAR="some\\tvalue"', 'some\tvalue'],
    ["VAR='some\\tvalue'", 'some\\tvalue'],
    ['VAR=some\\tvalue', 'some\\tvalue'],
    ['VAR="ends\\\\"', 'ends\\'],
  ])('%s → %j', (line, expected) => expect(value(line)).toBe(expected));

  it.each([
    ['VAR=${SET}', 'set'],
    ['VAR=$SET', 'set'],
    ['VAR=${EMPTY:-default}', 'default'],
    ['VAR=${EMPTY-default}', ''],
    ['VAR=${UNSET-default}', 'default'],
    ['VAR=${SET:+replacement}', 'replacement'],
    ['VAR=${EMPTY+replacement}', 'replacement'],
    ['VAR=${UNSET:+replacement}', ''],
    ['VAR=$$SET', '$SET'],
    ['VAR=${UNSET:-${SET}}', 'set'],
  ])('interpolates %s → %j', (line, expected) => expect(value(line, 'SET=set\nEMPTY=\n')).toBe(expected));

  it('stops on ${NAME:?error} when NAME is unset or empty, and on a bare $', () => {
    expect(readAsCompose('VAR=${EMPTY:?needed}\n').failures.get('VAR')).toBe('required variable EMPTY is missing a value: needed');
    expect(readAsCompose('VAR=${UNSET?}\n').failures.get('VAR')).toBe('required variable UNSET is missing a value');
    expect(readAsCompose('VAR=cost$\n').failures.get('VAR')).toBe('invalid interpolation format');
  });

  it('sees only keys above, lets the shell win over the file, and takes a bare KEY from the shell', () => {
    expect(readAsCompose('VAR=${LATER}\nLATER=x\n').values.get('VAR')).toBe('');
    expect(readAsCompose('VAR=file\n', { VAR: 'shell' }).values.get('VAR')).toBe('shell');
    expect(readAsCompose('VAR\n', { VAR: 'shell' }).values.get('VAR')).toBe('shell');
    expect(readAsCompose('VAR\n').values.has('VAR')).toBe(false);
  });

  it('stops on names with other characters than letters, digits, _ . - [ ]', () => {
    expect(readAsCompose('a.b-c[1]=ok\n').values.get('a.b-c[1]')).toBe('ok');
    expect(readAsCompose('A%B=1\n').failures.get('A%B')).toMatch(/unexpected character/);
    expect(readAsCompose('A B=1\n').failures.get('A B')).toBe('key cannot contain a space');
    expect(readAsCompose('\uFEFFA=1\n').values.has('A')).toBe(false);
  });
});

describe('readAsCompose: comments after "="', () => {
  it('reads `KEY= # note` as empty and `KEY=#x` as "#x"', () => {
    expect(readAsCompose('A= # note\nB=#x\n').values).toEqual(
      new Map([
        ['A', ''],
        ['B', '#x'],
      ]),
    );
  });
});
