// A service folder named in tovrun.yaml must exist before anything starts: a ConfigError with the file, the line and the
// key. A preset's default folder (TovPlay's backend/ or frontend/) is left to install and start, as before.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { checkServiceDirs, folderProblem } from '../../src/workspace/service-dirs.js';
import { configError, servicesYaml, workspaceDir } from './support.js';

describe('checkServiceDirs', () => {
  it('refuses a folder tovrun.yaml names that does not exist, with file, line and key', () => {
    const root = workspaceDir({ 'tovrun.yaml': servicesYaml(['  api:', '    type: command', '    command: node a.js', '    dir: no-such-dir']) });
    const error = configError(() => checkServiceDirs(loadWorkspace(root)));
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.location).toEqual({ file: path.join(root, 'tovrun.yaml'), line: 6 });
    expect(error.key).toBe('services.api.dir');
    expect(error.message).toBe(`services.api.dir: folder ${path.join(root, 'no-such-dir')} does not exist.`);
    expect(error.hint).toMatch(/^Create the folder no-such-dir, or set services\.api\.dir/);
  });

  it('refuses a folder that is a file', () => {
    const root = workspaceDir({ 'tovrun.yaml': servicesYaml(['  api: { type: command, command: node a.js, dir: notes.txt }']), 'notes.txt': 'x' });
    expect(configError(() => checkServiceDirs(loadWorkspace(root))).message).toBe(`services.api.dir: ${path.join(root, 'notes.txt')} is not a folder.`);
  });

  it('checks only the services given (a run of --only api ignores the others)', () => {
    const root = workspaceDir({
      'tovrun.yaml': servicesYaml(['  api: { type: command, command: node a.js }', '  web: { type: command, command: node b.js, dir: gone }']),
    });
    const ws = loadWorkspace(root);
    expect(() => checkServiceDirs(ws, ws.services.slice(0, 1))).not.toThrow();
    expect(() => checkServiceDirs(ws)).toThrow(/services\.web\.dir/);
  });

  it("leaves a preset's missing default folder alone, with or without a tovrun.yaml", () => {
    const bare = workspaceDir({ '.env.template': 'A=1\n' });
    expect(() => checkServiceDirs(loadWorkspace(bare))).not.toThrow();
    const configured = workspaceDir({ 'tovrun.yaml': 'services:\n  backend:\n    port: 5002\n' });
    expect(() => checkServiceDirs(loadWorkspace(configured))).not.toThrow();
  });

  it('refuses a missing folder that tovrun.yaml sets for a preset service', () => {
    const root = workspaceDir({ 'tovrun.yaml': 'services:\n  frontend:\n    dir: web\n' }, ['tovplay-backend']);
    expect(configError(() => checkServiceDirs(loadWorkspace(root))).location?.line).toBe(3);
  });
});

describe('folderProblem', () => {
  it('says why a path cannot be a working folder', () => {
    const root = workspaceDir({});
    writeFileSync(path.join(root, 'file'), '');
    expect(folderProblem(root)).toBeNull();
    expect(folderProblem(path.join(root, 'missing'))).toBe(`folder ${path.join(root, 'missing')} does not exist`);
    expect(folderProblem(path.join(root, 'file'))).toBe(`${path.join(root, 'file')} is not a folder`);
  });
});
