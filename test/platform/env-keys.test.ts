import { describe, expect, it } from 'vitest';
import { envValue, pathKey, prependToPath, withoutEnv } from '../../src/platform/env-keys.js';
import { platformFor } from '../../src/platform/platform.js';

const windows = platformFor('win32');
const linux = platformFor('linux');

describe('pathKey', () => {
  it('reuses the existing key on Windows whatever its case', () => {
    expect(pathKey({ Path: 'C:\\Windows' }, windows)).toBe('Path');
    expect(pathKey({ PATH: 'C:\\Windows' }, windows)).toBe('PATH');
    expect(pathKey({ path: 'C:\\Windows' }, windows)).toBe('path');
  });

  it('falls back to Path on Windows and PATH elsewhere', () => {
    expect(pathKey({}, windows)).toBe('Path');
    expect(pathKey({}, linux)).toBe('PATH');
    expect(pathKey({ Path: '/x' }, linux)).toBe('PATH');
  });
});

describe('prependToPath', () => {
  it('puts the folder first under the existing Windows key, never adding a second PATH', () => {
    const env = prependToPath({ Path: 'C:\\Windows;C:\\Tools', OTHER: '1' }, 'C:\\app\\venv\\Scripts', windows);
    expect(env).toEqual({ Path: 'C:\\app\\venv\\Scripts;C:\\Windows;C:\\Tools', OTHER: '1' });
  });

  it('uses : and PATH elsewhere, and works when PATH is empty', () => {
    expect(prependToPath({ PATH: '/usr/bin' }, '/app/venv/bin', linux)).toEqual({ PATH: '/app/venv/bin:/usr/bin' });
    expect(prependToPath({}, '/app/venv/bin', linux)).toEqual({ PATH: '/app/venv/bin' });
  });

  it('does not change the environment it was given', () => {
    const base = { PATH: '/usr/bin' };
    prependToPath(base, '/venv/bin', linux);
    expect(base).toEqual({ PATH: '/usr/bin' });
  });
});

describe('withoutEnv and envValue', () => {
  it('match every spelling on Windows', () => {
    expect(withoutEnv({ PythonHome: 'x', PYTHONHOME: 'y', KEEP: '1' }, 'PYTHONHOME', windows)).toEqual({ KEEP: '1' });
    expect(envValue({ Shell: 'pwsh' }, 'SHELL', windows)).toBe('pwsh');
  });

  it('match only the exact name elsewhere', () => {
    expect(withoutEnv({ PythonHome: 'x', PYTHONHOME: 'y' }, 'PYTHONHOME', linux)).toEqual({ PythonHome: 'x' });
    expect(envValue({ shell: 'zsh' }, 'SHELL', linux)).toBeUndefined();
  });
});
