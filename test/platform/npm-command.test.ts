import { describe, expect, it } from 'vitest';
import { npmCommand } from '../../src/platform/npm-command.js';
import { platformFor } from '../../src/platform/platform.js';

describe('npmCommand', () => {
  it('spawns npm.cmd on Windows (run through cmd.exe by os/spawn-command), never the extension-less shell script', () => {
    expect(npmCommand(platformFor('win32'))).toBe('npm.cmd');
  });

  it('spawns npm elsewhere', () => {
    expect(npmCommand(platformFor('darwin'))).toBe('npm');
    expect(npmCommand(platformFor('linux'))).toBe('npm');
  });
});
