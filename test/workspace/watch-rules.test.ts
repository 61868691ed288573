// `watch:` in tovrun.yaml: globs relative to the service's folder, refused for Flask and Vite (their reloaders follow
// code changes), each error naming the file, the line and the fix.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { ownReloader } from '../../src/workspace/watch-rules.js';
import { configError, servicesYaml, workspaceDir } from './support.js';

function loadError(lines: string[]) {
  const root = workspaceDir({ 'tovrun.yaml': servicesYaml(lines) });
  return { error: configError(() => loadWorkspace(root)), file: path.join(root, 'tovrun.yaml') };
}

describe('watch: in tovrun.yaml', () => {
  it('resolves the globs of a command service', () => {
    const root = workspaceDir({ 'tovrun.yaml': servicesYaml(['  worker:', '    type: command', '    command: node w.js', '    watch: ["src/**/*.js"]']) });
    expect(loadWorkspace(root).services[0]?.watch).toEqual(['src/**/*.js']);
  });

  it('refuses watch on a Flask service, naming the line and the fix', () => {
    const { error, file } = loadError(['  api:', '    type: python', '    command: python -m flask run', '    watch: ["*.py"]']);
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.location).toEqual({ file, line: 6 });
    expect(error.message).toBe('services.api.watch: the service runs Flask, which follows code changes itself; tovrun never restarts it on a code change.');
    expect(error.hint).toContain('Remove `watch:`');
  });

  it('refuses a glob outside the service folder', () => {
    const { error } = loadError(['  worker:', '    type: command', '    command: node w.js', '    watch: ["src/*.js", "../shared/*.js"]']);
    expect(error.message).toBe('services.worker.watch.1: "../shared/*.js" is not inside the service\'s folder: watch globs are relative to its dir.');
  });

  it('knows Flask and Vite by their program, whatever the path or Windows suffix', () => {
    expect(ownReloader(['python', '-m', 'flask', 'run'])).toBe('Flask');
    expect(ownReloader('node_modules\\.bin\\vite.cmd --port 3000')).toBe('Vite');
    expect(ownReloader(['node', 'server.js'])).toBeNull();
  });
});
