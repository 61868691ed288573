// A workspace on disk with a backend and a frontend, and a fake runner that behaves like python, pip and npm on it.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunResult } from '../../../src/os/system-runner.js';
import { loadWorkspace } from '../../../src/workspace/load.js';
import type { Workspace } from '../../../src/workspace/types.js';
import { exited, type FakeRunner, fakeRunner, isProbe, notFound, ok, probeAnswer } from './fake-runner.js';
import { tempDir, writeFiles } from './temp-dir.js';

/** A fresh workspace with backend/requirements.txt and frontend/package.json, loaded with the TovPlay preset. */
export function fakeWorkspace(): Workspace {
  const root = writeFiles(tempDir('tovrun-install-ws-'), {
    'tovrun.yaml': 'version: 1\n',
    'backend/requirements.txt': 'flask\n-r base.txt\n',
    'backend/base.txt': 'click\n',
    'frontend/package.json': '{"devDependencies": {"vite": "^8.0.0"}}\n',
  });
  return loadWorkspace(root);
}

/** What the fake tools should do differently. */
export interface FakeToolOptions {
  pipFails?: boolean;
}

/** A runner that creates venvs and node_modules on disk the way the real tools would, and records every call. */
export function fakeTools(options: FakeToolOptions = {}): FakeRunner {
  return fakeRunner((command, args, runOptions): RunResult => {
    if (isProbe(args)) {
      if (command === 'python3') return probeAnswer('/usr/bin/python3', '3.11.7');
      return command.endsWith(path.join('bin', 'python')) ? probeAnswer(command, '3.11.7') : notFound;
    }
    if (args.includes('venv')) {
      const venv = args[args.length - 1] as string;
      writeFiles(venv, { 'pyvenv.cfg': 'version = 3.11.7\n', 'bin/python': '' });
      return ok();
    }
    if (args.includes('--upgrade')) return ok('Successfully installed pip-26.0');
    if (args.includes('-r'))
      return options.pipFails ? exited(1, 'Collecting nope\nERROR: No matching distribution found for nope') : ok('Successfully installed flask');
    if (command === 'node') return ok('v20.19.0\n');
    if (command === 'npm' && args[0] === '--version') return ok('10.8.2\n');
    if (command === 'npm' && args[0] === 'install') {
      mkdirSync(path.join(runOptions.cwd ?? '.', 'node_modules'), { recursive: true });
      writeFileSync(path.join(runOptions.cwd ?? '.', 'node_modules', '.package-lock.json'), '{}');
      return ok('added 15 packages');
    }
    return notFound;
  });
}
