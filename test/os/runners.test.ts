import { describe, expect, it } from 'vitest';
import { execaRunner } from '../../src/os/execa-runner.js';
import { systemRunner } from '../../src/os/system-runner.js';
import { spawnRunner } from '../../src/os/spawn-runner.js';
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

  it("streams each progress redraw ended by a lone '\\r' as a line of its own", async () => {
    const lines: string[] = [];
    await runner(process.execPath, ['-e', "process.stdout.write('10%\\r50%\\r100%\\r\\ndone\\n')"], { env: { PATH: process.env.PATH ?? '' }, onLine: (line) => lines.push(line) });
    expect(lines).toEqual(['10%', '50%', '100%', 'done']);
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
