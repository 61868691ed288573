/** The node-postgres-redis preset: one Node WebSocket signaling server on 4001, Postgres and Redis as compose services. */
import type { RawConfig } from '../workspace/raw-config.js';

/** The preset's name, as `tovrun init --preset` and tovrun.yaml's `preset:` take it. */
export const nodePostgresRedisName = 'node-postgres-redis';

/** The preset's defaults: the signaling server as a node service, probed on /status, waiting for both stores. */
export function nodePostgresRedisPreset(): RawConfig {
  return {
    compose: { file: 'docker-compose.yml', profiles: [] },
    services: {
      signaling: {
        type: 'node',
        dir: 'signaling',
        port: 4001,
        command: 'node server.js',
        env: { PORT: 4001 },
        probe: { http: '/status', timeout: 30 },
        restart: { policy: 'on-failure', maxRetries: 3, backoff: 1 },
      },
    },
  };
}
