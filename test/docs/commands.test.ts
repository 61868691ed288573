// Docs that cannot drift: every SETUP.md and README.md block marked `<!-- test: linux -->` runs, in order, in one
// scratch TovPlay workspace that already pins this repository's tovrun, as after `npm install` at its root (the link and
// npm's install record are made here: a real `npm install` of a folder would run its build), so that `./tovrun`,
// `npx tovrun` and `tovrun` run bin/tovrun.js. Each must exit 0. test/e2e/adopt.test.ts does the real install.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockDemoPorts } from '../support/port-lock.js';
import { repoRoot } from '../support/processes.js';
import { extractLinuxBlocks } from './extract.js';

/** A scratch copy of the TovPlay fixture whose package.json pins this repository, installed (linked) as npm would. */
function scratchWorkspace(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'tovrun-docs-')), 'tovplay');
  cpSync(path.join(repoRoot, 'test/fixtures/init/tovplay-layout'), dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ private: true, scripts: { dev: 'tovrun' }, devDependencies: { tovrun: `file:${repoRoot}` } }, null, 2)}\n`,
  );
  const bin = path.join(dir, 'node_modules', '.bin');
  mkdirSync(bin, { recursive: true });
  symlinkSync(repoRoot, path.join(dir, 'node_modules', 'tovrun'));
  symlinkSync('../tovrun/bin/tovrun.js', path.join(bin, 'tovrun'));
  writeFileSync(path.join(dir, 'node_modules', '.package-lock.json'), '{}\n');
  return {
    dir,
    env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, npm_config_offline: 'true', NO_COLOR: '1', GITHUB_ACTIONS: '' },
  };
}

const blocks = ['SETUP.md', 'README.md'].flatMap((file) => extractLinuxBlocks(file, readFileSync(path.join(repoRoot, file), 'utf8')));

describe.runIf(process.platform === 'linux')('documented commands (marked <!-- test: linux -->)', () => {
  const workspace = scratchWorkspace();
  // `tovrun --check` checks TovPlay's ports 5001 and 3000: never while a demo test binds them.
  let release: () => void = () => undefined;
  beforeAll(async () => {
    release = await lockDemoPorts();
  }, 600_000);
  afterAll(() => release());

  it('finds the marked blocks', () => expect(blocks.length).toBeGreaterThanOrEqual(3));

  for (const block of blocks) {
    it(`${block.file}:${block.line} exits 0`, () => {
      const result = spawnSync('bash', ['-e', '-c', block.script], { cwd: workspace.dir, env: workspace.env, encoding: 'utf8', timeout: 30_000 });
      expect(result.status, `${block.script}\n--- output ---\n${result.stdout}${result.stderr}`).toBe(0);
    }, 40_000);
  }
});
