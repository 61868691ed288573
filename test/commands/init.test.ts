// `tovrun init` as a command: dry run writes nothing, questions only through the injected Ask, the report's wording.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type InitOptions, runInit } from '../../src/commands/init.js';
import type { RunContext } from '../../src/context.js';
import { realInitWriter } from '../../src/init/apply.js';
import { copyFixture, hashTree, realReader } from '../init/support.js';

function context(cwd: string): RunContext & { text: () => string } {
  let text = '';
  const output = { write: (chunk: string) => void (text += chunk), isTTY: false };
  return { cwd, env: {}, platform: 'linux', stdout: output, stderr: output, debug: false, text: () => text };
}

const options: InitOptions = { preset: 'tovplay', dryRun: false, yes: true };
const deps = { reader: realReader, writer: realInitWriter };

describe('runInit', () => {
  it('--dry-run prints the plan and leaves the tree byte for byte the same', async () => {
    const root = copyFixture('tovplay-layout');
    const before = hashTree(root);
    const ctx = context(root);
    expect(await runInit(ctx, undefined, { ...options, dryRun: true }, deps)).toBe(0);
    expect(hashTree(root)).toBe(before);
    expect(ctx.text()).toMatch(/Would write \(dry run, nothing written\):\n {2}\+ tovrun\.yaml/);
    expect(ctx.text()).toMatch(/~ tovplay-backend\/\.env\.template → \.env\.template: .*LEGACY_BACKEND_ONLY/);
  });

  it('writes, then says "nothing to do" and lists the skipped files on a second run', async () => {
    const root = copyFixture('short-layout');
    await runInit(context(path.dirname(root)), 'repo', options, deps);
    const ctx = context(root);
    await runInit(ctx, undefined, options, deps);
    expect(ctx.text()).toMatch(/Nothing to do/);
    expect(ctx.text()).toMatch(/= \.env — exists \(yours, never overwritten\)/);
  });

  it('asks for the folders with the detected ones as defaults, and takes the answers', async () => {
    const root = copyFixture('short-layout');
    const questions: string[] = [];
    const ask = async (question: string, answer: string) => {
      questions.push(`${question} [${answer}]`);
      return question.startsWith('Backend') ? 'backend' : 'none';
    };
    const ctx = context(root);
    await runInit(ctx, undefined, { ...options, yes: false, dryRun: true }, { ...deps, ask });
    expect(questions).toEqual(['Backend folder (Flask, requirements.txt) [backend]', 'Frontend folder (Vite) [frontend]']);
    expect(ctx.text()).toMatch(/Backend: backend\nFrontend: frontend/);
  });

  it('a missing folder is a usage error', async () => {
    await expect(runInit(context('/'), '/nonexistent/tovrun-init', options, deps)).rejects.toThrow(/does not exist/);
  });

  it('a preset that scaffolds a stack (node-postgres-redis) takes a new folder, asks nothing and names itself', async () => {
    const parent = path.dirname(copyFixture('plain-node'));
    const questions: string[] = [];
    const ask = async (question: string) => {
      questions.push(question);
      return '';
    };
    const ctx = context(parent);
    expect(await runInit(ctx, 'new-stack', { preset: 'node-postgres-redis', dryRun: false, yes: false }, { ...deps, ask })).toBe(0);
    expect(questions).toEqual([]);
    expect(ctx.text()).toMatch(/^Preset: node-postgres-redis\nWrote:\n {2}\+ tovrun\.yaml \(the node-postgres-redis preset, commented\)/);
    expect(existsSync(path.join(parent, 'new-stack', 'signaling', 'server.js'))).toBe(true);
  });
});
