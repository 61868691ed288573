import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readsKey } from '../../src/devloop/env-readers.js';
import type { ServiceSpec } from '../../src/workspace/types.js';

const service = (command: string[], dir: string): ServiceSpec => ({
  type: 'command',
  name: 'web',
  dir,
  port: null,
  command,
  env: {},
  probe: { kind: 'none' },
  probeFallback: null,
  restart: { policy: 'no', maxRetries: 0, backoffMs: 0, crashLimit: 5, crashWindowMs: 60_000 },
  dependsOn: {},
  watch: [],
});

describe('readsKey', () => {
  it('a Vite service reads VITE_ keys and the keys its config names, nothing else', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tovrun-vite-'));
    writeFileSync(path.join(dir, 'vite.config.js'), "export default { server: { proxy: { '/api': `http://127.0.0.1:${process.env.BACKEND_PORT}` } } };\n");
    const reads = readsKey(service(['vite', '--port', '3000'], dir));
    expect(['VITE_API', 'BACKEND_PORT', 'DEMO_GREETING_NAME', 'BACKEND'].filter(reads)).toEqual(['VITE_API', 'BACKEND_PORT']);
  });

  it('any other service reads every key', () => {
    const reads = readsKey(service(['node', 'worker.js'], tmpdir()));
    expect(reads('DEMO_GREETING_NAME')).toBe(true);
  });
});
