// The install phase inside the terminal UI (--panes tui), on a real terminal: the built CLI in a tmux pane of a
// dedicated server, on a workspace of one `type: python` service whose venv tovrun creates with real Python and pip
// (PIP_RETRIES=0), then serves HTTP.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, freePort } from '../supervisor/support.js';
import { cliPath, pollUntil, portIsFree, processesUnder } from '../support/processes.js';
import { exitMarked, startTerminal } from '../support/tmux-terminal.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A workspace whose python service "app" installs the given requirements into app/venv, then serves HTTP on a free port. */
async function workspace(requirements: string): Promise<{ root: string; port: number }> {
  const root = mkdtempSync(path.join(tmpdir(), 'tovrun-tui-install-'));
  const port = await freePort();
  mkdirSync(path.join(root, 'app'));
  writeFileSync(path.join(root, 'app', 'requirements.txt'), requirements);
  const config = [
    'preset: none',
    'services:',
    '  app:',
    '    type: python',
    '    dir: app',
    `    command: python -m http.server ${port} --bind 127.0.0.1`,
    `    port: ${port}`,
  ];
  writeFileSync(path.join(root, 'tovrun.yaml'), `${config.join('\n')}\n`);
  return { root, port };
}

/**
 * Runs `tovrun --panes tui` in a 120x32 pane, which shows TOVRUN-EXIT=<code> after it. tovrun runs as the leader of
 * its own process group (`setsid -w`), as a shell with job control starts it, so Ctrl-C during the install may signal
 * that group (tovrun and its installers); the pane's shell is outside it.
 */
async function startInTmux(root: string) {
  const command = `cd '${root}' && env -u CI -u CONTINUOUS_INTEGRATION -u TMUX -u TMUX_PANE PIP_RETRIES=0 setsid -w '${process.execPath}' '${cliPath}' --panes tui`;
  const ui = await startTerminal(`tovrun-tui-install-${process.pid}-${cleanups.length}`, exitMarked(command));
  cleanups.push(async () => {
    await ui.close();
    await pollUntil(() => processesUnder(root).length === 0, 10_000);
    rmSync(root, { recursive: true, force: true });
  });
  return {
    ...ui,
    /** Waits for tovrun's exit code; then the screen and whether the alternate screen is left and the cursor shown. */
    exited: async (timeoutMs: number) => {
      const code = await ui.exitCode(timeoutMs);
      return { code, terminal: await ui.terminal(), screen: await ui.screen() };
    },
  };
}

/** The processes left under the workspace, but the pane's shell waiting. */
const leftUnder = (root: string) => processesUnder(root).filter((each) => !each.command.includes('sleep 600'));

describe.runIf(process.platform !== 'win32')('the install inside the terminal UI (real terminal in tmux)', () => {
  it('shows the service installing with the install lines, then ready with the summary; q exits 0', { timeout: 120_000 }, async () => {
    const { root, port } = await workspace('\n');
    const ui = await startInTmux(root);
    const installing = await eventually(async () => {
      const text = await ui.screen();
      return /1 app +installing/.test(text) && text.includes('app    | creating app/venv with') && text;
    }, 30_000);
    expect(installing).toContain('app    | [tovrun] installing (app/venv does not exist yet)');
    expect(await ui.terminal()).toBe('alternate=1 cursor=0');
    const ready = await eventually(async () => {
      const text = await ui.screen();
      return /1 app +ready/.test(text) && text.includes('tovrun | Ready:') && text;
    }, 90_000);
    expect(ready).toContain(`app    | Serving HTTP on 127.0.0.1 port ${port}`);
    await ui.keys('1');
    const own = await eventually(async () => {
      const text = await ui.screen();
      return text.includes('app — following') && text;
    });
    expect(own).toContain('[tovrun] installed');
    await ui.keys('q');
    expect(await ui.exited(15_000)).toMatchObject({ code: 0, terminal: 'alternate=0 cursor=1' });
    expect(leftUnder(root)).toEqual([]);
    expect(await portIsFree(port)).toBe(true);
  });

  it('Ctrl-C during the install ends tovrun and the installers (status 130) and restores the terminal', { timeout: 60_000 }, async () => {
    const { root } = await workspace('\n');
    const ui = await startInTmux(root);
    await eventually(async () => /1 app +installing/.test(await ui.screen()), 30_000);
    await ui.keys('C-c');
    expect(await ui.exited(15_000)).toMatchObject({ code: 130, terminal: 'alternate=0 cursor=1' });
    await pollUntil(() => leftUnder(root).length === 0, 5_000);
    expect(leftUnder(root)).toEqual([]);
  });

  it('a failed install closes the UI and prints the install report as without the UI, exit 1', { timeout: 120_000 }, async () => {
    const { root } = await workspace('no-such-package-tovrun-test\n');
    const ui = await startInTmux(root);
    await eventually(async () => /1 app +installing/.test(await ui.screen()), 30_000);
    const { code, terminal, screen: text } = await ui.exited(90_000);
    expect({ code, terminal }).toEqual({ code: 1, terminal: 'alternate=0 cursor=1' });
    expect(text).toContain('app | ERROR: No matching distribution found for no-such-package-tovrun-test');
    expect(text).toContain('tovrun: install failed for app.');
    expect(text).not.toContain('see `tovrun logs app`');
  });
});
