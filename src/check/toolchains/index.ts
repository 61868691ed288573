/** The toolchains check: Python and the venvs, Node against Vite's engines, npm's devDependencies settings, the compose provider. */
import { type CheckInput, type CheckResult, findingsOnly } from '../input.js';
import { composeProviderFindings } from './compose-provider.js';
import { nodeFindings } from './node.js';
import { npmOmitFindings } from './npm-omit.js';
import { pythonFindings } from './python.js';

/** Runs the toolchain parts concurrently. */
export async function checkToolchains(input: CheckInput): Promise<CheckResult> {
  const parts = await Promise.all([pythonFindings(input), nodeFindings(input), npmOmitFindings(input), composeProviderFindings(input)]);
  return findingsOnly(parts.flat());
}
