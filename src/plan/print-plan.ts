/** The run plan in words, for `tovrun up --dry-run`: each service's program, folder, port, probe and env keys. */
import { formatSeconds } from '../text/seconds.js';
import { describeProbe } from '../workspace/describe-probe.js';
import { describeInstance, type Instance } from '../workspace/instance.js';
import type { RestartPolicy } from '../workspace/types.js';
import type { ComposePlan } from './compose.js';
import type { LaunchSpec } from './launch-spec.js';

/** A command line as one string, quoting arguments that hold spaces. */
export function commandLineText(file: string, args: readonly string[]): string {
  return [file, ...args].map((arg) => (/\s/.test(arg) ? JSON.stringify(arg) : arg)).join(' ');
}

/** "  after  db (healthy), cache (started)" for a service with depends_on, else nothing. */
function dependencyLine(launch: LaunchSpec): string[] {
  const entries = Object.entries(launch.dependsOn ?? {});
  return entries.length === 0 ? [] : [`  after  ${entries.map(([name, condition]) => `${name} (${condition})`).join(', ')}`];
}

/** A restart policy in words: never, or on failure with its limits (the crash loop's included). */
export function restartText(restart: RestartPolicy): string {
  if (restart.policy === 'no') return 'never';
  return `on failure, up to ${restart.maxRetries} times; gives up after ${restart.crashLimit} failures within ${formatSeconds(restart.crashWindowMs)}`;
}

/** The plan, one block per service; env lists the keys the service gets from .env and tovrun.yaml, never values. */
export function formatPlan(launches: readonly LaunchSpec[], envKeys: readonly string[]): string {
  const blocks = launches.map((launch) =>
    [
      `${launch.name}:`,
      `  run    ${commandLineText(launch.file, launch.args)}`,
      `  in     ${launch.cwd}`,
      `  port   ${launch.port ?? '-'}`,
      `  ready  ${describeProbe(launch.probe)}`,
      `  restart ${restartText(launch.restart)}`,
      ...dependencyLine(launch),
    ].join('\n'),
  );
  const keys = envKeys.length === 0 ? '(no .env values)' : envKeys.join(', ');
  return `Plan (nothing was started):\n${blocks.join('\n')}\n.env keys given to every service: ${keys}\n`;
}

/** The compose part of the plan: project, profiles, each service's URL, and the database the services that use one get. */
export function formatComposePlan(plan: ComposePlan, database: { users: readonly string[]; described: string }): string {
  const width = Math.max(0, ...plan.services.map((service) => service.name.length));
  const rows = plan.services.map((service) => `  ${service.name.padEnd(width)}  ${service.url ?? '-'}`);
  const header = `Compose (${plan.project.file}, project ${plan.project.name}, profiles ${plan.project.profiles.join(', ')}):`;
  return `${[header, ...rows].join('\n')}\n${database.users.length === 0 ? '' : `Database of ${database.users.join(', ')}: ${database.described}\n`}`;
}

/** "Instance 1 (ports +10): its own ports, compose project and state in .tovrun/instances/1/." before the plan; nothing for instance 0. */
export function formatInstanceLine(instance: Instance): string {
  const described = describeInstance(instance);
  if (described === '') return '';
  return `${described.charAt(0).toUpperCase()}${described.slice(1)}: its own ports, compose project and state in .tovrun/instances/${instance.number}/.\n`;
}
