/** The Node versions the frontend's Vite accepts: its installed package.json, else the lockfile, else the declared range. */
import path from 'node:path';
import { parseJsonObject } from '../../files/json-state.js';
import { type CheckFiles, lineAt } from '../../files/read-only-files.js';

/** Vite's engines.node and where it was read. */
export interface ViteRequirement {
  /** The Vite version, or the declared range when Vite is not installed. */
  vite: string;
  nodeRange: string;
  /** The file it was read from, and the line. */
  file: string;
  line: number | undefined;
}

/** engines.node of Vite majors, for a Vite that is declared but neither installed nor in the lockfile (no network). */
export const knownViteNodeEngines: ReadonlyMap<number, string> = new Map([
  [5, '^18.0.0 || >=20.0.0'],
  [6, '^18.0.0 || ^20.0.0 || >=22.0.0'],
  [7, '^20.19.0 || >=22.12.0'],
  [8, '^20.19.0 || >=22.12.0'],
]);

interface Manifest {
  version?: unknown;
  engines?: { node?: unknown };
  dependencies?: Record<string, unknown>;
  devDependencies?: Record<string, unknown>;
  packages?: Record<string, Manifest>;
}

function parse(text: string | undefined): Manifest | undefined {
  return text === undefined ? undefined : ((parseJsonObject(text) as Manifest | null) ?? undefined);
}

const lineOf = (text: string, needle: string): number | undefined => {
  const at = text.indexOf(needle);
  return at < 0 ? undefined : lineAt(text, at);
};

function fromInstalled(dir: string, files: CheckFiles): ViteRequirement | undefined {
  const file = path.join(dir, 'node_modules', 'vite', 'package.json');
  const text = files.readText(file);
  const manifest = parse(text);
  const range = manifest?.engines?.node;
  if (text === undefined || typeof range !== 'string') return undefined;
  return { vite: String(manifest?.version ?? 'installed'), nodeRange: range, file, line: lineOf(text, '"engines"') };
}

function fromLockfile(dir: string, files: CheckFiles): ViteRequirement | undefined {
  const file = path.join(dir, 'package-lock.json');
  const text = files.readText(file);
  const entry = parse(text)?.packages?.['node_modules/vite'];
  const range = entry?.engines?.node;
  if (text === undefined || typeof range !== 'string') return undefined;
  return { vite: String(entry?.version ?? 'locked'), nodeRange: range, file, line: lineOf(text, '"node_modules/vite"') };
}

function fromDeclared(dir: string, files: CheckFiles): ViteRequirement | undefined {
  const file = path.join(dir, 'package.json');
  const text = files.readText(file);
  const manifest = parse(text);
  const declared = manifest?.devDependencies?.vite ?? manifest?.dependencies?.vite;
  if (text === undefined || typeof declared !== 'string') return undefined;
  const major = Number(/(\d+)/.exec(declared)?.[1]);
  const newest = Math.max(...knownViteNodeEngines.keys());
  const range = knownViteNodeEngines.get(Number.isFinite(major) ? Math.min(major, newest) : newest);
  return range === undefined ? undefined : { vite: declared, nodeRange: range, file, line: lineOf(text, '"vite"') };
}

/** What the Vite of the package in dir needs from Node, or undefined when the package has no Vite. */
export function findViteRequirement(dir: string, files: CheckFiles): ViteRequirement | undefined {
  return fromInstalled(dir, files) ?? fromLockfile(dir, files) ?? fromDeclared(dir, files);
}
