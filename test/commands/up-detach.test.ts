import { describe, expect, it } from 'vitest';
import { backgroundArgs, backgroundSpawnOptions } from '../../src/commands/up-detach.js';

const defaults = {
  backend: false,
  frontend: false,
  only: [],
  install: true,
  reinstall: false,
  profiles: [],
  panes: undefined,
  dryRun: false,
  keep: false,
  services: true,
};

describe('tovrun up --detach', () => {
  it('starts the same selection in the background, in prefix mode', () => {
    expect(backgroundArgs(defaults)).toEqual(['up', '--background', '--panes', 'prefix']);
    expect(backgroundArgs({ ...defaults, only: ['api', 'web'], install: false, profiles: ['local-db'], keep: true, services: false })).toEqual([
      'up',
      '--background',
      '--panes',
      'prefix',
      '--only',
      'api',
      'web',
      '--no-install',
      '-p',
      'local-db',
      '--keep',
      '--no-services',
    ]);
  });

  it('passes on the instance asked for with --instance, and --recreate-compose', () => {
    expect(backgroundArgs({ ...defaults, recreateCompose: true }, '1')).toEqual([
      'up',
      '--background',
      '--panes',
      'prefix',
      '--instance',
      '1',
      '--recreate-compose',
    ]);
  });

  it('spawns it detached, windowless, without stdin, its output in the file', () => {
    // Node's child_process docs (options.detached): on POSIX the child leads a new process group and session, so the
    // terminal's SIGINT and SIGHUP do not reach it; on Windows it gets its own console. options.windowsHide hides that
    // console window (CREATE_NO_WINDOW in Microsoft's Process Creation Flags), which Wine cannot show either way.
    expect(backgroundSpawnOptions('/w', { A: '1' }, 7)).toEqual({ cwd: '/w', env: { A: '1' }, detached: true, windowsHide: true, stdio: ['ignore', 7, 7] });
  });
});
