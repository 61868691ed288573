import { describe, expect, it } from 'vitest';
import { execaRunner } from '../../src/install/execa-runner.js';
import { lineSplitter } from '../../src/install/line-splitter.js';
import { systemRunner } from '../../src/install/runner.js';
import { spawnRunner } from '../../src/install/spawn-runner.js';
import { platformFor } from '../../src/platform/platform.js';

const script = "console.log('out one'); console.error('err two'); process.stdout.write('tail'); process.exitCode = 3;";

describe.each([
  ['spawnRunner', spawnRunner],
  ['execaRunner', execaRunner],
])('%s', (_name, runner) => {
  it('returns the exit code and interleaved output, and streams whole lines', async () => {
    const lines: string[] = [];
    const result = await runner(process.execPath, ['-e', script], { env: { PATH: process.env.PATH ?? '' }, onLine: (line) => lines.push(line) });
    expect(result.exitCode).toBe(3);
    expect(result.output).toContain('out one');
    expect(result.output).toContain('err two');
    expect(lines.sort()).toEqual(['err two', 'out one', 'tail']);
  });

  it('reports a missing command as ENOENT instead of throwing', async () => {
    const result = await runner('tovrun-no-such-command-xyz', [], {});
    expect(result).toMatchObject({ exitCode: undefined, spawnError: 'ENOENT' });
  });

  it('passes only the given environment and working folder', async () => {
    const result = await runner(process.execPath, ['-e', 'console.log(process.cwd(), process.env.ONLY_THIS, process.env.HOME)'], { cwd: '/', env: { ONLY_THIS: 'yes' } });
    expect(result.output.trim()).toBe('/ yes undefined');
  });
});

describe('systemRunner', () => {
  it('uses execa on Windows (for .cmd files) and Node spawn elsewhere', () => {
    expect(systemRunner(platformFor('win32'))).toBe(execaRunner);
    expect(systemRunner(platformFor('linux'))).toBe(spawnRunner);
  });
});

describe('lineSplitter', () => {
  it('joins lines split across chunks and flushes an unterminated last line', () => {
    const lines: string[] = [];
    const splitter = lineSplitter((line) => lines.push(line));
    splitter.push('one\r\ntw');
    splitter.push('o\nthree');
    expect(lines).toEqual(['one', 'two']);
    splitter.flush();
    expect(lines).toEqual(['one', 'two', 'three']);
  });
});
