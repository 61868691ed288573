/** The presets `tovrun init` can write: their shipped files and the tovrun.yaml defaults they stand for. */
import { packageRoot, templatePath } from '../paths.js';
import type { RawConfig } from '../workspace/raw-config.js';
import { nodePostgresRedisName, nodePostgresRedisPreset } from './node-postgres-redis.js';

/** One shipped file or folder init copies into a repository: its source and its path there. */
export interface ShippedFile {
  /** Path relative to the repository root. */
  path: string;
  /** Absolute source: a file, or a folder copied file by file. */
  from: string;
}

/** What init needs to know about a preset. */
export interface InitPreset {
  name: string;
  description: string;
  /** Shipped files copied when missing (.env is created from the .env.template among them). */
  files: ShippedFile[];
  /** The services written into tovrun.yaml when the preset has its own (undefined: the detected layout decides). */
  config?: RawConfig;
}

/** The TovPlay preset: tovrun's own root .env.template, docker-compose.yml, infra/ and SETUP.md. */
function tovplayInitPreset(): InitPreset {
  const files = ['.env.template', 'docker-compose.yml', 'infra', 'SETUP.md'].map((file) => ({ path: file, from: `${packageRoot}/${file}` }));
  return { name: 'tovplay', description: 'Flask backend on 5001 and Vite frontend on 3000 (the default)', files };
}

/** node-postgres-redis: its template folder copied file by file. */
function nodePostgresRedisInitPreset(): InitPreset {
  const dir = templatePath('presets', nodePostgresRedisName);
  const files = ['.env.template', 'docker-compose.yml', 'signaling', 'SETUP.md'].map((file) => ({ path: file, from: `${dir}/${file}` }));
  return { name: nodePostgresRedisName, description: 'a Node WebSocket signaling server on 4001 with Postgres and Redis', files, config: nodePostgresRedisPreset() };
}

/** The names `tovrun init --preset` accepts. */
export const initPresetNames = ['tovplay', nodePostgresRedisName] as const;

/** The init preset of that name, or undefined. */
export function initPreset(name: string): InitPreset | undefined {
  if (name === 'tovplay') return tovplayInitPreset();
  if (name === nodePostgresRedisName) return nodePostgresRedisInitPreset();
  return undefined;
}
