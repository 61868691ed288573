/** Pure planning of how each service is launched: the program, its arguments and its complete environment. */

import type { Platform } from '../platform/platform.js';
import { pythonActivationEnv } from '../platform/venv-activation.js';
import { venvPython } from '../platform/venv-layout.js';
import { childColorEnv } from '../text/colors.js';
import type { ServiceSpec } from '../workspace/types.js';
import { serviceDependencies } from './depends-on.js';
import type { LaunchSpec } from './launch-spec.js';
import { resolvePackageBin } from './node-bin.js';

/** What launching depends on besides the service itself. */
export interface LaunchInputs {
  /** The .env values (as Flask reads them). */
  envValues: Readonly<Record<string, string>>;
  /** tovrun's own environment; it wins over .env, as it does for python-dotenv, Vite and compose. */
  processEnv: NodeJS.ProcessEnv;
  platform: Platform;
  /** Whether tovrun shows colour, and so whether children are asked for it. */
  color: boolean;
  /** The node executable that runs package binaries (process.execPath). */
  nodePath: string;
  /** Values tovrun itself decides (DATABASE_URL wired to a compose profile): over .env and the environment, under the service's own env. */
  overrides?: Readonly<Record<string, string>>;
  /** The tovrun services of the run: depends_on entries naming others (compose services) stay out of the LaunchSpec. Unset: all are kept. */
  serviceNames?: readonly string[];
  /** Finds a package's bin file; defaults to reading node_modules. */
  resolveBin?: (dir: string, name: string) => string | null;
}

/** The environment of a service: .env, tovrun's environment, tovrun's overrides, the service's own env, then activation and colour. */
export function serviceEnv(service: ServiceSpec, inputs: LaunchInputs): NodeJS.ProcessEnv {
  let env: NodeJS.ProcessEnv = { ...inputs.envValues, ...inputs.processEnv, ...inputs.overrides, ...service.env };
  if (service.type === 'python') env = pythonActivationEnv(service.venv, env, inputs.platform);
  return childColorEnv(env, inputs.color);
}

/** The program and arguments: the venv's python for `python …`, node plus the bin file for a package binary. */
export function serviceProgram(service: ServiceSpec, inputs: LaunchInputs): { file: string; args: string[] } {
  const [first, ...rest] = service.command as [string, ...string[]];
  if (service.type === 'python' && (first === 'python' || first === 'python3')) return { file: venvPython(service.venv, inputs.platform), args: rest };
  if (service.type === 'node') {
    const bin = (inputs.resolveBin ?? resolvePackageBin)(service.dir, first);
    if (bin) return { file: inputs.nodePath, args: [bin, ...rest] };
    if (first === 'node') return { file: inputs.nodePath, args: rest };
  }
  return { file: first, args: rest };
}

/** The LaunchSpec the supervisor runs for a service. */
export function planLaunch(service: ServiceSpec, inputs: LaunchInputs): LaunchSpec {
  return {
    name: service.name,
    ...serviceProgram(service, inputs),
    cwd: service.dir,
    env: serviceEnv(service, inputs),
    port: service.port,
    probe: service.probe,
    probeFallback: service.probeFallback,
    restart: service.restart,
    dependsOn: serviceDependencies(service, inputs.serviceNames ?? Object.keys(service.dependsOn)),
  };
}
