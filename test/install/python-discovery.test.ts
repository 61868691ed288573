import { describe, expect, it } from 'vitest';
import { FailedError } from '../../src/errors.js';
import { findPython, pythonCandidates } from '../../src/install/python-discovery.js';
import { systemRunner } from '../../src/os/system-runner.js';
import { platformFor } from '../../src/platform/platform.js';
import { exited, fakeRunner, notFound, probeAnswer } from './support/fake-runner.js';

const windows = platformFor('win32');
const linux = platformFor('linux');

async function failure(promise: Promise<unknown>): Promise<FailedError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (error instanceof FailedError) return error;
  throw new Error(`expected a FailedError, got ${String(error)}`);
}

describe('pythonCandidates', () => {
  it('tries `py -3` then `python` on Windows, `python3` then `python` elsewhere', () => {
    expect(pythonCandidates(windows)).toEqual([
      { command: 'py', args: ['-3'] },
      { command: 'python', args: [] },
    ]);
    expect(pythonCandidates(linux)).toEqual([
      { command: 'python3', args: [] },
      { command: 'python', args: [] },
    ]);
  });

  it('uses only python.command when it is set, split like a command line', () => {
    expect(pythonCandidates(windows, 'py -3.12')).toEqual([{ command: 'py', args: ['-3.12'] }]);
    expect(pythonCandidates(linux, '"/opt/my python/bin/python3"')).toEqual([{ command: '/opt/my python/bin/python3', args: [] }]);
  });
});

describe('findPython', () => {
  it('takes `py -3` on Windows when it works', async () => {
    const runner = fakeRunner((command) => (command === 'py' ? probeAnswer('C:\\Python312\\python.exe', '3.12.4') : notFound));
    const found = await findPython('3.10', windows, runner);
    expect(found).toMatchObject({ command: 'py', args: ['-3'], version: [3, 12, 4], executable: 'C:\\Python312\\python.exe' });
    expect(runner.calls[0]?.args.slice(0, 2)).toEqual(['-3', '-c']);
  });

  it('skips the Microsoft Store stub (exit 9009) and a missing py launcher, then fails naming both and how to install', async () => {
    const runner = fakeRunner((command) =>
      command === 'python' ? exited(9009, 'Python was not found; run without arguments to install from the Microsoft Store') : notFound,
    );
    const error = await failure(findPython('3.10', windows, runner));
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain('`py -3` (not found)');
    expect(error.message).toContain('`python` (the Microsoft Store placeholder, not a real Python (exit 9009))');
    expect(error.hint).toContain('winget install Python.Python.3.12');
    expect(error.hint).toContain('python.org');
  });

  it('falls back from python3 to python on POSIX and rejects versions under the minimum', async () => {
    const runner = fakeRunner((command) =>
      command === 'python3' ? probeAnswer('/usr/bin/python3', '3.8.10') : probeAnswer('/usr/local/bin/python', '3.11.2'),
    );
    const found = await findPython('3.10', linux, runner);
    expect(found.command).toBe('python');
    expect(found.version).toEqual([3, 11, 2]);
  });

  it('says how to install Python on macOS (brew) and Debian/Ubuntu (apt)', async () => {
    const runner = fakeRunner((command) => (command === 'python3' ? probeAnswer('/usr/bin/python3', '3.9.6') : notFound));
    const mac = await failure(findPython('3.10', platformFor('darwin'), runner));
    expect(mac.message).toContain('`python3` (is Python 3.9.6, older than 3.10)');
    expect(mac.message).toContain('`python` (not found)');
    expect(mac.hint).toContain('brew install python@3.12');
    const debian = await failure(findPython('3.10', linux, runner));
    expect(debian.hint).toContain('sudo apt install python3 python3-venv');
  });

  it('honours python.command and says to fix it when it does not work', async () => {
    const runner = fakeRunner(() => exited(1, 'boom\nSyntaxError: broken install'));
    const error = await failure(findPython('3.10', linux, runner, { command: 'python3.12' }));
    expect(runner.commandLines()).toHaveLength(1);
    expect(error.message).toContain('`python3.12` (exited with code 1: SyntaxError: broken install)');
    expect(error.hint).toContain('python.command in tovrun.yaml is `python3.12`');
  });

  it('suggests the configured minimum when it is newer than 3.12', async () => {
    const error = await failure(
      findPython(
        '3.13',
        windows,
        fakeRunner(() => notFound),
      ),
    );
    expect(error.hint).toContain('winget install Python.Python.3.13');
  });

  it('on Windows, with the real runner, a missing py and python are "not found" (not cmd.exe\'s exit 1), with the install hint', async () => {
    // Defect 6 of issue 15: execa ran an unknown `py` through cmd.exe, which exits 1 ("is not recognized").
    const error = await failure(findPython('3.10', windows, systemRunner(windows), { env: { Path: 'C:\\no-python-here', PATHEXT: '.COM;.EXE;.BAT;.CMD' } }));
    expect(error.message).toBe('no usable Python 3.10 or newer found; tried `py -3` (not found), `python` (not found).');
    expect(error.hint).toContain('winget install Python.Python.3.12');
  });
});
