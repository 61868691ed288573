/**
 * The dependencies check: each python and node service installed and up to date, judged exactly as `tovrun install`
 * judges it (its prepare step, which only reads: the venv, the install stamps, the package files) — nothing is written.
 */
import path from 'node:path';
import { prepareNodeService } from '../install/install-node.js';
import { preparePythonService } from '../install/install-python.js';
import type { InstallEnvironment } from '../install/service-install.js';
import { InstallStepFailure } from '../install/step-failure.js';
import { type Finding, finding } from '../report/findings.js';
import type { NodeService, PythonService, ServiceSpec } from '../workspace/types.js';
import { type CheckInput, type CheckResult, findingsOnly, workspacePath } from './input.js';
import { binLinksOff } from './npm-config.js';

const installHint = 'Run `tovrun install` (plain `tovrun` also installs what changed before it starts the services).';

function installEnvironment(input: CheckInput): InstallEnvironment {
  const { workspace } = input;
  return {
    root: workspace.root,
    stateDir: workspace.sharedStateDir,
    env: input.facts.probeEnv,
    platform: input.platform,
    runner: input.effects.runner,
    python: workspace.python,
    reinstall: false,
    readOnly: true,
  };
}

/** The file a service's packages are declared in, for the finding's location. */
function manifestOf(service: PythonService | NodeService): string {
  return service.type === 'python' ? service.requirements : path.join(service.dir, 'package.json');
}

async function serviceFinding(input: CheckInput, service: PythonService | NodeService): Promise<Finding[]> {
  // A broken venv, or a python.command that does not run, is toolchains' finding; its fix also installs the packages.
  if (service.type === 'python' && (await input.facts.venv(service)).state === 'broken') return [];
  if (service.type === 'python' && input.workspace.python.command && !(await input.facts.python()).ok) return [];
  const file = workspacePath(input, manifestOf(service));
  try {
    const prepared =
      service.type === 'python' ? await preparePythonService(service, installEnvironment(input)) : await prepareNodeService(service, installEnvironment(input));
    if (prepared.reason === undefined)
      return [finding('dependencies/up-to-date', 'ok', `${service.name}: packages installed and up to date with ${file}.`, { file })];
    return [
      finding('dependencies/outdated', 'warn', `${service.name}: packages not installed or out of date — ${prepared.reason}.`, { file, hint: installHint }),
    ];
  } catch (error) {
    if (!(error instanceof InstallStepFailure)) throw error;
    return [finding('dependencies/cannot-check', 'error', `${service.name}: ${error.message}`, { file, ...(error.hint ? { hint: error.hint } : {}) })];
  }
}

/** The bin-links=false note for a node service: npm makes no node_modules/.bin, which tovrun copes with. */
function binLinksNote(input: CheckInput, service: NodeService): Finding[] {
  const setting = binLinksOff(input.facts.npmSettings(service.dir));
  if (!setting) return [];
  const where =
    'variable' in setting.source ? `the environment (${setting.source.variable})` : `${workspacePath(input, setting.source.file)}:${setting.source.line}`;
  const message =
    `${service.name}: bin-links=false in ${where} — npm creates no node_modules/.bin; ` +
    'tovrun runs package binaries (vite) with node directly, so only `npm run` scripts are affected.';
  return [
    finding(
      'dependencies/bin-links',
      'ok',
      message,
      'file' in setting.source ? { file: workspacePath(input, setting.source.file), line: setting.source.line } : {},
    ),
  ];
}

const installable = (service: ServiceSpec): service is PythonService | NodeService => service.type === 'python' || service.type === 'node';

/** One finding per python and node service, plus the bin-links note where it applies. */
export async function checkDependencies(input: CheckInput): Promise<CheckResult> {
  const services = input.workspace.services.filter(installable);
  const results = await Promise.all(services.map((service) => serviceFinding(input, service)));
  const notes = services.flatMap((service) => (service.type === 'node' ? binLinksNote(input, service) : []));
  return findingsOnly([...results.flat(), ...notes]);
}
