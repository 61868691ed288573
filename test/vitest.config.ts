// Vitest configuration: two projects. `unit` needs nothing prepared and starts at once; `e2e` gets the heavy global
// setup (build dist/, the shared pip venv, under CI the Docker engine) and every test that needs one of those.
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Test files that need what the e2e global setup prepares: the built CLI (bin/tovrun.js runs dist/) or a fixture
 * importing dist/, the shared venv (`inject('sharedVenv')`), or a compose CLI and engine (installed under CI).
 */
export const e2eFiles = [
  'test/e2e/**/*.test.ts',
  // the Windows lane: the built CLI under node.exe in Wine (test/setup/wine.ts)
  'test/windows/**/*.test.ts',
  // bin/tovrun.js
  'test/commands/check.test.ts',
  'test/commands/down.test.ts',
  'test/commands/leftover-panes.test.ts',
  'test/docs/commands.test.ts',
  'test/panes/agent/pane-launcher.test.ts',
  'test/supervisor/leftovers-namespace.test.ts',
  // dist/vendor/yaml.cjs, the vendored yaml the build writes
  'test/files/yaml-module.test.ts',
  // the fuzz hard guard runs the built parsers in a worker (test/fuzz/support.ts, WorkerGuard)
  'test/fuzz/compose.fuzz.test.ts',
  'test/fuzz/env.fuzz.test.ts',
  'test/fuzz/tovrun-yaml.fuzz.test.ts',
  // real python-dotenv from the shared venv
  'test/env/readers/measured.test.ts',
  // `docker compose config`, which the engine setup installs under CI
  'test/compose/root-compose-file.test.ts',
];

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    testTimeout: 30_000,
    hookTimeout: 240_000,
    env: { PIP_RETRIES: '0', PIP_DISABLE_PIP_VERSION_CHECK: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
    projects: [
      // test/.cache/ is excluded: the Wine lane's prefix there links z: to / (the whole file system).
      // Not isolated: the files share one module graph instead of each importing src/ afresh, which is most of the
      // run time on a small machine (no unit test mocks modules or changes the working directory).
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...e2eFiles, 'test/.cache/**'], isolate: false },
      },
      { extends: true, test: { name: 'e2e', include: e2eFiles, globalSetup: ['test/setup/global.ts'] } },
    ],
  },
});
