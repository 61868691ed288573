// A scripted CommandRunner for compose tests: records every call and answers by the first matching rule.

import type { EngineStatus } from '../../src/compose/engine.js';
import type { ComposeProvider } from '../../src/compose/provider.js';
import type { CommandRunner, RunOptions, RunResult } from '../../src/os/system-runner.js';

/** One recorded call: the command line as one string, and its options. */
export interface RecordedCall {
  line: string;
  options: RunOptions | undefined;
}

/** An answer: exit code and output, or a function of the command line. */
export type Answer = Partial<RunResult> | ((line: string) => Partial<RunResult>);

/** A runner answering each call with the first rule whose pattern matches "command arg1 arg2 …"; unmatched calls fail with ENOENT. */
export function scriptedRunner(rules: [RegExp, Answer][]): CommandRunner & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const runner = (async (command: string, args: readonly string[], options?: RunOptions) => {
    const line = [command, ...args].join(' ');
    calls.push({ line, options });
    const rule = rules.find(([pattern]) => pattern.test(line));
    if (!rule) return { exitCode: undefined, output: '', spawnError: 'ENOENT' };
    const answer = typeof rule[1] === 'function' ? rule[1](line) : rule[1];
    return { exitCode: 0, output: '', ...answer };
  }) as CommandRunner & { calls: RecordedCall[] };
  runner.calls = calls;
  return runner;
}

/** Providers as detectComposeProvider returns them. */
export const providers: Record<'v2' | 'v1' | 'v1old' | 'podman' | 'podmanCompose', ComposeProvider> = {
  v2: { name: 'docker compose', command: 'docker', prefix: ['compose'], engine: 'docker', version: '2.24.6', envFileFlag: true },
  v1: { name: 'docker-compose', command: 'docker-compose', prefix: [], engine: 'docker', version: '1.29.2', envFileFlag: true },
  v1old: { name: 'docker-compose', command: 'docker-compose', prefix: [], engine: 'docker', version: '1.24.1', envFileFlag: false },
  podman: { name: 'podman compose', command: 'podman', prefix: ['compose'], engine: 'podman', version: '1.0.6', envFileFlag: true },
  podmanCompose: { name: 'podman-compose', command: 'podman-compose', prefix: [], engine: 'podman', version: '1.0.6', envFileFlag: true },
};

/** The local engine as probeEngine reports it. */
export const localEngine: EngineStatus = {
  endpoint: { url: 'unix:///var/run/docker.sock', kind: 'unix', source: 'default', context: null, remote: false, address: 'localhost', env: {} },
  version: '28.2.2',
  answeredMs: 5,
};
