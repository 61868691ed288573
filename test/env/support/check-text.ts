// Runs the env check on .env and template text in memory, for rule tests.

import { checkEnv } from '../../../src/env/check.js';
import type { Finding } from '../../../src/report/findings.js';

/** The findings for envText against templateText. */
export function checkText(envText: string | null, templateText: string): Finding[] {
  return checkEnv({ envText, templateText, templatePath: '/ws/.env.template', files: { env: '.env', template: '.env.template', root: '/ws' } }).findings;
}

/** Only the findings of one rule (id without the env/ prefix). */
export function findingsOf(rule: string, envText: string, templateText: string): Finding[] {
  return checkText(envText, templateText).filter((item) => item.id === `env/${rule}`);
}
