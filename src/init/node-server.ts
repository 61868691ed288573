/**
 * What init can tell of a plain Node server without running it: the file it starts, the port it listens on and a
 * health path, read from its code or from the compose file beside it. Anything not found is left to the user.
 */
import path from 'node:path';
import type { InitReader } from './types.js';

/** The parts of a package.json init reads. */
export interface NodeManifest {
  scripts?: Record<string, string>;
  main?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** The port and health path found, each null when nothing said so. */
export interface ServerHints {
  port: number | null;
  health: string | null;
}

/** The file a start script runs with node (`node server.js`, `node ./src/index.js`), if that is what it does. */
export function startScriptFile(script: string | undefined): string | undefined {
  return script === undefined ? undefined : /^\s*node\s+(?:--?[\w-]+(?:=\S+)?\s+)*([\w./-]+\.[cm]?js)\b/.exec(script)?.[1];
}

/** The entry file of a package: what its start script runs, else main, else npm's default index.js. */
export function entryFile(manifest: NodeManifest): string {
  return startScriptFile(manifest.scripts?.start) ?? manifest.main ?? 'index.js';
}

const validPort = (text: string | undefined) => {
  const port = Number(text);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : null;
};

/** The port in code: `listen(4001`, `PORT || 4001`, `PORT ?? 4001`, `port = 4001`. */
export function portInCode(code: string): number | null {
  const match = /\.listen\(\s*(\d{2,5})\b/.exec(code) ?? /\bPORT\s*(?:\|\||\?\?)\s*['"]?(\d{2,5})\b/.exec(code) ?? /\bport\s*[:=]\s*(\d{2,5})\b/i.exec(code);
  return validPort(match?.[1]);
}

/** A health-like route the code serves (`'/status'`, `"/health"`, `/healthz`, `/ready`, `/ping`). */
export function healthPathInCode(code: string): string | null {
  return /['"`](\/(?:api\/)?(?:status|health|healthz|ready|readyz|ping))['"`]/.exec(code)?.[1] ?? null;
}

/** The container port and the healthcheck's path from a compose file's text (first service that has them). */
export function hintsInCompose(text: string): ServerHints {
  const ports = /^\s*-\s*['"]?(?:[\d.]+:)?\d{2,5}:(\d{2,5})(?:\/tcp)?['"]?\s*$/m.exec(text);
  const health = /https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0)(?::\d+)?(\/[\w/-]*)/.exec(text);
  return { port: validPort(ports?.[1]), health: health?.[1] && health[1] !== '/' ? health[1] : null };
}

/** The hints for the Node server in dir: its code first, then a compose file beside it. */
export function serverHints(files: InitReader, dir: string, manifest: NodeManifest): ServerHints {
  const code = files.readText(path.join(dir, entryFile(manifest))) ?? '';
  const composeText = ['docker-compose.yml', 'docker-compose.yaml', 'compose.yml', 'compose.yaml']
    .map((name) => files.readText(path.join(dir, name)))
    .find((text) => text !== undefined);
  const fromCompose = composeText === undefined ? { port: null, health: null } : hintsInCompose(composeText);
  return { port: portInCode(code) ?? fromCompose.port, health: healthPathInCode(code) ?? fromCompose.health };
}
