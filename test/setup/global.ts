// Global setup of the e2e project only: builds the CLI (bin/ runs dist/) and prepares shared real fixtures once per run
// (the venv, the compose engine, the Windows lane's Wine prefix and node.exe).
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { ensureSharedVenv } from '../support/shared-venv.js';
import { type EngineAvailability, ensureEngine } from './engine.js';
import { ensureWindowsLane, stopWindowsLane, type WindowsLane } from './wine.js';

declare module 'vitest' {
  export interface ProvidedContext {
    sharedVenv: string;
    composeEngine: EngineAvailability;
    windowsLane: WindowsLane;
  }
}

export default function setup(project: TestProject): () => void {
  // TOVRUN_TEST_SKIP_BUILD=1 lets a developer who already ran `npm run build` skip the compile.
  if (process.env.TOVRUN_TEST_SKIP_BUILD !== '1') execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit', cwd: project.config.root });
  project.provide('sharedVenv', ensureSharedVenv());
  project.provide('composeEngine', ensureEngine());
  const lane = ensureWindowsLane();
  project.provide('windowsLane', lane);
  // Teardown: one wineserver -k ends every Wine process the lane started (a failed test's services included).
  return () => stopWindowsLane(lane);
}
