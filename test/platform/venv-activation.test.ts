import { describe, expect, it } from 'vitest';
import { platformFor } from '../../src/platform/platform.js';
import { pythonActivationEnv } from '../../src/platform/venv-activation.js';

describe('pythonActivationEnv', () => {
  it('sets VIRTUAL_ENV, puts bin/ first on PATH, removes PYTHONHOME and unbuffers output', () => {
    const env = pythonActivationEnv('/app/backend/venv', { PATH: '/usr/bin', PYTHONHOME: '/opt/py', HOME: '/home/u' }, platformFor('linux'));
    expect(env).toEqual({ PATH: '/app/backend/venv/bin:/usr/bin', VIRTUAL_ENV: '/app/backend/venv', PYTHONUNBUFFERED: '1', HOME: '/home/u' });
  });

  it('on Windows reuses the existing Path key, puts Scripts first and removes PYTHONHOME in any case', () => {
    const env = pythonActivationEnv('C:\\app\\venv', { Path: 'C:\\Windows', PythonHome: 'C:\\Py', virtual_env: 'C:\\old' }, platformFor('win32'));
    expect(env).toEqual({ Path: 'C:\\app\\venv\\Scripts;C:\\Windows', VIRTUAL_ENV: 'C:\\app\\venv', PYTHONUNBUFFERED: '1' });
    expect(Object.keys(env).filter((key) => key.toUpperCase() === 'PATH')).toEqual(['Path']);
  });
});
