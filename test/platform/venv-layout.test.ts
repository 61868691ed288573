import { describe, expect, it } from 'vitest';
import { platformFor } from '../../src/platform/platform.js';
import { venvBinDir, venvConfigFile, venvPython } from '../../src/platform/venv-layout.js';

describe('venv layout', () => {
  it('uses Scripts\\python.exe on Windows', () => {
    const windows = platformFor('win32');
    expect(venvBinDir('C:\\app\\backend\\venv', windows)).toBe('C:\\app\\backend\\venv\\Scripts');
    expect(venvPython('C:\\app\\backend\\venv', windows)).toBe('C:\\app\\backend\\venv\\Scripts\\python.exe');
    expect(venvConfigFile('C:\\app\\backend\\venv', windows)).toBe('C:\\app\\backend\\venv\\pyvenv.cfg');
  });

  it('uses bin/python on macOS and Linux', () => {
    for (const os of ['darwin', 'linux'] as const) {
      expect(venvBinDir('/app/backend/venv', platformFor(os))).toBe('/app/backend/venv/bin');
      expect(venvPython('/app/backend/venv', platformFor(os))).toBe('/app/backend/venv/bin/python');
    }
  });
});
