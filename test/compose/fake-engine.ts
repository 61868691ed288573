// A fake compose engine for unit tests: services with scripted states over time, answered through a scripted runner.
import type { WaitClock } from '../../src/compose/wait-healthy.js';
import { scriptedRunner } from './support.js';

/** A clock whose sleep advances time at once. */
export function fakeClock(start = 1_000_000): WaitClock & { time: number } {
  const clock = {
    time: start,
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.time += ms;
    },
  };
  return clock;
}

/** State JSON of a container: status plus an optional health. */
export function stateJson(status: string, health?: string, exitCode = 0): string {
  return JSON.stringify({ Status: status, ExitCode: exitCode, ...(health ? { Health: { Status: health } } : {}) });
}

/**
 * A runner for docker-compose v1 and docker: `ps` answers each service's container id (`<service>-id`), `inspect`
 * answers the state that states(service, pollCount) gives, `logs --tail` the service's lines; compose commands succeed.
 */
export function fakeEngine(states: (service: string, poll: number) => string | null, logs: Record<string, string[]> = {}) {
  const polls = new Map<string, number>();
  return scriptedRunner([
    [/^docker ps /, (line) => ({ output: `${/com\.docker\.compose\.service=(\S+)/.exec(line)?.[1]}-id\n` })],
    [
      /^docker inspect /,
      (line) => {
        const ids = line.split(' ').slice(5); // docker inspect --format {{json .State}} id…
        const lines = ids.map((id) => {
          const service = id.replace(/-id$/, '');
          const poll = polls.get(service) ?? 0;
          polls.set(service, poll + 1);
          return states(service, poll);
        });
        return lines.some((item) => item === null) ? { exitCode: 1, output: 'Error: No such object' } : { output: `${lines.join('\n')}\n` };
      },
    ],
    [/^docker logs --tail /, (line) => ({ output: (logs[line.split(' ').pop()?.replace(/-id$/, '') ?? ''] ?? []).join('\n') })],
    [/^docker-compose /, { output: '' }],
  ]);
}
