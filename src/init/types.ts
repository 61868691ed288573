/** Plain data of `tovrun init`: what it reads, what it found, and the plan the applier carries out. */
import type { CheckFiles } from '../files/read-only-files.js';

/** Read-only file access of the planner (the doctor's reader plus an existence test). */
export interface InitReader extends CheckFiles {
  exists(file: string): boolean;
}

/** A Node service found in a folder that is neither the backend nor the frontend (a plain Node repository). */
export interface DetectedNodeService {
  name: string;
  /** Folder relative to the root ('.' for the root itself). */
  dir: string;
  command: string;
  /** The port it listens on, read from its code or compose file; null when not found (written as a placeholder). */
  port: number | null;
  /** A health path it serves (/status, /health), or null. */
  health: string | null;
}

/** A package that is not a service but has a `dev` script init offers only as a commented suggestion. */
export interface DevScriptSuggestion {
  name: string;
  dir: string;
  /** The script's text, shown so the user can judge it. */
  script: string;
}

/** The folders init found or was told. */
export interface DetectedLayout {
  backend: string | null;
  frontend: string | null;
  nodeServices: DetectedNodeService[];
  devScripts: DevScriptSuggestion[];
}

/** What the user chose (flags or answers). */
export interface InitChoices {
  preset: string;
  /** What the root package.json pins tovrun at (--tovrun-spec); absent: the running tovrun's version. */
  tovrunSpec?: string | undefined;
  backend?: string | undefined;
  frontend?: string | undefined;
}

/**
 * One file init writes: literal text (a new file, executable for a POSIX launcher), a copy of a shipped file, lines
 * appended to an existing file, or an edit of an existing file (applied only while it still reads `before`).
 */
export type InitAction =
  | { kind: 'write'; path: string; text: string; why: string; executable?: boolean }
  | { kind: 'copy'; path: string; from: string; why: string }
  | { kind: 'append'; path: string; lines: string[]; text: string; why: string }
  | { kind: 'edit'; path: string; before: string; text: string; why: string };

/** A file init would have written but left alone because it exists. */
export interface SkippedFile {
  path: string;
  reason: string;
}

/** A per-folder .env or compose file to merge into the root one, with the keys (never values) that differ. */
export interface MergeCandidate {
  path: string;
  into: string;
  differences: string;
}

/** Everything `tovrun init` will do in a root; paths are relative to it, with forward slashes. */
export interface InitPlan {
  root: string;
  preset: string;
  /** Whether the preset adopts the repository's own folders (else it scaffolds its own stack). */
  adopts: boolean;
  layout: DetectedLayout;
  actions: InitAction[];
  skipped: SkippedFile[];
  mergeCandidates: MergeCandidate[];
}
