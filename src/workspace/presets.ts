/** Built-in presets: the defaults a workspace starts from before its tovrun.yaml is applied. */
import { nodePostgresRedisName, nodePostgresRedisPreset } from '../presets/node-postgres-redis.js';
import type { RawConfig } from './raw-config.js';

/** What a preset may ask about the workspace it is applied to. */
export interface PresetProbe {
  exists(relativePath: string): boolean;
}

/** Names of the built-in presets. */
export const presetNames = ['tovplay', 'node-postgres-redis', 'none'] as const;

/** The first of the candidate folders that exists, or the first candidate when none does. */
function firstExisting(probe: PresetProbe, candidates: string[]): string {
  return candidates.find((candidate) => probe.exists(candidate)) ?? (candidates[0] as string);
}

/** TovPlay: Flask backend on 5001 and Vite frontend on 3000, compose file at the root. */
function tovplayPreset(probe: PresetProbe): RawConfig {
  return {
    python: { minVersion: '3.10' },
    compose: { file: 'docker-compose.yml', profiles: [] },
    services: {
      backend: {
        type: 'python',
        dir: firstExisting(probe, ['tovplay-backend', 'backend']),
        venv: 'venv',
        requirements: 'requirements.txt',
        port: 5001,
        command: ['python', '-m', 'flask', 'run', '--host', '0.0.0.0', '--port', '{port}', '--debug'],
        probe: { http: '/health', timeout: 60 },
        probeFallback: { tcp: 5001, timeout: 60 },
      },
      frontend: {
        type: 'node',
        dir: firstExisting(probe, ['tovplay-frontend', 'frontend']),
        port: 3000,
        command: ['vite', '--port', '{port}', '--strictPort', '--clearScreen', 'false', '--host', '127.0.0.1'],
        probe: { http: '/', timeout: 60 },
        legacyPeerDeps: true,
        ignoreScripts: true,
      },
    },
  };
}

/** The raw defaults of a preset, or undefined for an unknown name. */
export function presetConfig(name: string, probe: PresetProbe): RawConfig | undefined {
  if (name === 'tovplay') return tovplayPreset(probe);
  if (name === nodePostgresRedisName) return nodePostgresRedisPreset();
  if (name === 'none') return { services: {} };
  return undefined;
}
