// Docs that cannot drift: every SETUP.md and README.md block marked `<!-- test: linux -->` runs, in order, in one
// scratch TovPlay workspace where `tovrun` and `npx tovrun` are this repository's bin/tovrun.js, and must exit 0.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, repoRoot } from '../support/processes.js';
import { extractLinuxBlocks } from './extract.js';

/** A scratch copy of the TovPlay fixture with a `tovrun` wrapper on PATH and in node_modules/.bin (for npx). */
function scratchWorkspace(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'tovrun-docs-')), 'tovplay');
  cpSync(path.join(repoRoot, 'test/fixtures/init/tovplay-layout'), dir, { recursive: true });
  const bin = path.join(dir, 'node_modules', '.bin');
  mkdirSync(bin, { recursive: true });
  const wrapper = path.join(bin, 'tovrun');
  writeFileSync(wrapper, `#!/bin/sh\nexec "${process.execPath}" "${cliPath}" "$@"\n`);
  chmodSync(wrapper, 0o755);
  return { dir, env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, npm_config_offline: 'true', NO_COLOR: '1', GITHUB_ACTIONS: '' } };
}

const blocks = ['SETUP.md', 'README.md'].flatMap((file) => extractLinuxBlocks(file, readFileSync(path.join(repoRoot, file), 'utf8')));

describe.runIf(process.platform === 'linux')('documented commands (marked <!-- test: linux -->)', () => {
  const workspace = scratchWorkspace();

  it('finds the marked blocks', () => expect(blocks.length).toBeGreaterThanOrEqual(3));

  for (const block of blocks) {
    it(`${block.file}:${block.line} exits 0`, () => {
      const result = spawnSync('bash', ['-e', '-c', block.script], { cwd: workspace.dir, env: workspace.env, encoding: 'utf8', timeout: 30_000 });
      expect(result.status, `${block.script}\n--- output ---\n${result.stdout}${result.stderr}`).toBe(0);
    }, 40_000);
  }
});
