/** The doctor's checks by name, in the order `tovrun check` runs and reports them. */
import { checkCompose } from './compose.js';
import { checkDatabase } from './database/index.js';
import { checkDependencies } from './dependencies.js';
import { envCheck } from './env-check.js';
import { checkHygiene } from './hygiene/index.js';
import { checkPorts } from './ports.js';
import type { DoctorCheck } from './run-checks.js';
import { checkToolchains } from './toolchains/index.js';

/** Every check of the doctor, in report order. */
export const doctorChecks: readonly DoctorCheck[] = [
  { name: 'env', description: '.env against .env.template', timeoutMs: 5_000, run: (input) => envCheck(input.workspace) },
  { name: 'toolchains', description: 'Python, the venvs, Node for Vite, npm devDependencies settings', timeoutMs: 15_000, run: checkToolchains },
  { name: 'dependencies', description: 'backend and frontend packages installed and up to date', timeoutMs: 15_000, run: checkDependencies },
  { name: 'ports', description: 'service ports free', timeoutMs: 5_000, run: checkPorts },
  // 20 s: `config -q` waits for the engine to answer first, which a remote engine (tcp, ssh) may take seconds to do.
  { name: 'compose', description: 'docker-compose.yml parses and its variables are in .env.template', timeoutMs: 20_000, run: checkCompose },
  { name: 'hygiene', description: '.env ignored by git, no secrets in .env.template, no stale copies', timeoutMs: 8_000, run: checkHygiene },
  {
    name: 'database',
    description: 'PostgreSQL reachable, connections in use, idle sessions',
    timeoutMs: 10_000,
    timeoutStatus: (input) => (input.requireDb ? 'error' : 'warn'),
    run: checkDatabase,
  },
];
