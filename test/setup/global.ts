// Global setup: builds the CLI (bin/ runs dist/) and prepares shared real fixtures once per test run.
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { ensureSharedVenv } from '../support/shared-venv.js';

declare module 'vitest' {
  export interface ProvidedContext {
    sharedVenv: string;
  }
}

export default function setup(project: TestProject): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { stdio: 'inherit', cwd: project.config.root });
  project.provide('sharedVenv', ensureSharedVenv());
}
