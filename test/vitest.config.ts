// Vitest configuration: unit tests beside real-process tests, shared fixtures prepared once in global setup.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global.ts'],
    testTimeout: 30_000,
    hookTimeout: 240_000,
    env: { PIP_RETRIES: '0', PIP_DISABLE_PIP_VERSION_CHECK: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
  },
});
