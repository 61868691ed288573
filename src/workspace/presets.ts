/**
 * The built-in presets, in one list: each one's name, the services and defaults a workspace starts from before its
 * tovrun.yaml is applied, and the files `tovrun init --preset` copies into a repository.
 */
import { packageRoot, templatePath } from '../paths.js';
import type { RawConfig } from './raw-config.js';

/** What a preset may ask about the workspace it is applied to. */
export interface PresetProbe {
  exists(relativePath: string): boolean;
}

/** One shipped file or folder init copies into a repository: its source and its path there. */
export interface ShippedFile {
  /** Path relative to the repository root. */
  path: string;
  /** Absolute source: a file, or a folder copied file by file. */
  from: string;
}

/** What `tovrun init --preset` does with a preset. */
export interface PresetInit {
  /** Shipped files copied when missing (.env is created from the .env.template among them). */
  files: ShippedFile[];
  /**
   * true: it adopts an existing repository, and tovrun.yaml names only the folders detected (or answered) that its
   * defaults would not find; false: it scaffolds a new stack (the folder may be new) and writes its services in full.
   */
  adopts: boolean;
}

/** A built-in preset. */
export interface Preset {
  name: string;
  /** The raw defaults under the user's tovrun.yaml. */
  config(probe: PresetProbe): RawConfig;
  /** What init copies and writes; undefined for a preset init does not offer. */
  init?: () => PresetInit;
}

/** The folders the tovplay preset looks for, in order, for its two services. */
export const tovplayFolders: { readonly backend: readonly string[]; readonly frontend: readonly string[] } = {
  backend: ['tovplay-backend', 'backend'],
  frontend: ['tovplay-frontend', 'frontend'],
};

/** The first of the candidate folders that exists, or the first candidate when none does. */
function firstExisting(probe: PresetProbe, candidates: readonly string[]): string {
  return candidates.find((candidate) => probe.exists(candidate)) ?? (candidates[0] as string);
}

/** The files of a preset, each from the folder holding it. */
const shipped = (dir: string, names: string[]): ShippedFile[] => names.map((name) => ({ path: name, from: `${dir}/${name}` }));

/** TovPlay: Flask backend on 5001 and Vite frontend on 3000, compose file at the root; init ships tovrun's own files. */
const tovplay: Preset = {
  name: 'tovplay',
  config: (probe) => ({
    python: { minVersion: '3.10' },
    compose: { file: 'docker-compose.yml', profiles: [] },
    services: {
      backend: {
        type: 'python',
        dir: firstExisting(probe, tovplayFolders.backend),
        venv: 'venv',
        requirements: 'requirements.txt',
        port: 5001,
        command: ['python', '-m', 'flask', 'run', '--host', '0.0.0.0', '--port', '{port}', '--debug'],
        probe: { http: '/health', timeout: 60 },
        probeFallback: { tcp: 5001, timeout: 60 },
      },
      frontend: {
        type: 'node',
        dir: firstExisting(probe, tovplayFolders.frontend),
        port: 3000,
        command: ['vite', '--port', '{port}', '--strictPort', '--clearScreen', 'false', '--host', '127.0.0.1'],
        probe: { http: '/', timeout: 60 },
        legacyPeerDeps: true,
        ignoreScripts: true,
      },
    },
  }),
  init: () => ({
    files: shipped(packageRoot, ['.env.template', 'docker-compose.yml', 'infra', 'SETUP.md']),
    adopts: true,
  }),
};

/** node-postgres-redis: one Node WebSocket signaling server on 4001, probed on /status; Postgres and Redis in compose. */
const nodePostgresRedis: Preset = {
  name: 'node-postgres-redis',
  config: () => ({
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
  }),
  init: () => ({
    files: shipped(templatePath('presets', 'node-postgres-redis'), ['.env.template', 'docker-compose.yml', 'signaling', 'SETUP.md']),
    adopts: false,
  }),
};

/** none: no services; everything comes from tovrun.yaml. */
const none: Preset = { name: 'none', config: () => ({ services: {} }) };

/** Every built-in preset; tovrun.yaml's `preset:` takes these names. */
const presets: readonly Preset[] = [tovplay, nodePostgresRedis, none];

/** The names of the built-in presets. */
export const presetNames: readonly string[] = presets.map((preset) => preset.name);

/** The names `tovrun init --preset` accepts: the presets init offers. */
export const initPresetNames: readonly string[] = presets.filter((preset) => preset.init).map((preset) => preset.name);

/** The preset of that name, or undefined. */
export function findPreset(name: string): Preset | undefined {
  return presets.find((preset) => preset.name === name);
}

/** The raw defaults of a preset, or undefined for an unknown name. */
export function presetConfig(name: string, probe: PresetProbe): RawConfig | undefined {
  return findPreset(name)?.config(probe);
}
