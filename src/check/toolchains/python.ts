/** toolchains/python and toolchains/venv: a usable Python is found, and each python service's venv works. */
import { commandLabel } from '../../install/python-probe.js';
import type { VenvState } from '../../install/venv.js';
import { type Finding, finding } from '../../report/findings.js';
import { formatVersion } from '../../text/version.js';
import type { PythonService } from '../../workspace/types.js';
import { type CheckInput, workspacePath } from '../input.js';

function venvFinding(input: CheckInput, service: PythonService, state: VenvState): Finding[] {
  const where = workspacePath(input, service.venv);
  if (state.state === 'absent') return [];
  if (state.state === 'ready')
    return [finding('toolchains/venv', 'ok', `${service.name}: ${where} works (Python ${formatVersion(state.version)}).`, { file: where })];
  return [
    finding('toolchains/venv', 'warn', `${service.name}: ${where} is broken — ${state.reason}.`, {
      file: where,
      hint: 'Run `tovrun install`: it removes the broken venv and builds it again with a working Python.',
    }),
  ];
}

/** The Python and venv findings; none when the workspace has no python service. */
export async function pythonFindings(input: CheckInput): Promise<Finding[]> {
  const services = input.workspace.services.filter((service): service is PythonService => service.type === 'python');
  if (services.length === 0) return [];
  const [lookup, venvs] = await Promise.all([input.facts.python(), Promise.all(services.map((service) => input.facts.venv(service)))]);
  const venvLines = services.flatMap((service, index) => venvFinding(input, service, venvs[index] as VenvState));
  if (lookup.ok) {
    const { python } = lookup;
    const found = finding(
      'toolchains/python',
      'ok',
      `Python ${formatVersion(python.version)} (\`${commandLabel(python)}\`, ${python.executable}) meets the minimum ${input.workspace.python.minVersion}.`,
    );
    return [found, ...venvLines];
  }
  // Without a Python, a working venv still runs the backend; only creating or rebuilding one needs it.
  const allReady = venvs.every((state) => state.state === 'ready');
  const note = allReady ? ' The existing venv still works, but tovrun cannot rebuild it.' : '';
  const missing = finding(
    'toolchains/python',
    allReady ? 'warn' : 'error',
    `${lookup.failure.message}${note}`,
    lookup.failure.hint ? { hint: lookup.failure.hint } : {},
  );
  return [missing, ...venvLines];
}
