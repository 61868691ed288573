import { describe, expect, it } from 'vitest';
import { spawnRunner } from '../../src/os/spawn-runner.js';
import { systemRunner } from '../../src/os/system-runner.js';
import { platformFor } from '../../src/platform/platform.js';

const script = "console.log('out one'); console.error('err two'); process.stdout.write('tail'); process.exitCode = 3;";

describe.each([
  ['spawnRunner', spawnRunner],
  ['systemRunner(linux)', systemRunner(platformFor('linux'))],
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
    await runner(process.execPath, ['-e', "process.stdout.write('10%\\r50%\\r100%\\r\\ndone\\n')"], {
      env: { PATH: process.env.PATH ?? '' },
      onLine: (line) => lines.push(line),
    });
    expect(lines).toEqual(['10%', '50%', '100%', 'done']);
  });

  it('reports a missing command as ENOENT instead of throwing', async () => {
    const result = await runner('tovrun-no-such-command-xyz', [], {});
    expect(result).toMatchObject({ exitCode: undefined, spawnError: 'ENOENT' });
  });

  it('passes only the given environment and working folder', async () => {
    const result = await runner(process.execPath, ['-e', 'console.log(process.cwd(), process.env.ONLY_THIS, process.env.HOME)'], {
      cwd: '/',
      env: { ONLY_THIS: 'yes' },
    });
    expect(result.output.trim()).toBe('/ yes undefined');
  });
});

describe('systemRunner on Windows', () => {
  // execa used to wrap an unknown command in cmd.exe, which exits 1 ("is not recognized"), so a missing py or git read
  // as a failure of the tool; the program is now looked up with PATHEXT first and never started when it is not there.
  it('reports a program missing from PATH as ENOENT without starting cmd.exe', async () => {
    const env = { Path: 'C:\\Windows\\system32', PATHEXT: '.COM;.EXE;.BAT;.CMD', ComSpec: process.execPath };
    expect(await systemRunner(platformFor('win32'))('git', ['ls-files'], { env })).toEqual({ exitCode: undefined, output: '', spawnError: 'ENOENT' });
    expect(await systemRunner(platformFor('win32'))('py', ['-3', '-c', 'print(1)'], { env })).toEqual({
      exitCode: undefined,
      output: '',
      spawnError: 'ENOENT',
    });
  });
});
