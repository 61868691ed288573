/** The applier of an init plan: creates files (never replacing one) and appends .gitignore lines. */
import { appendFileSync, chmodSync, constants, copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { checkInitTargets } from './targets.js';
import type { InitAction, InitPlan } from './types.js';

/** The file writes init makes, injectable for tests. */
export interface InitWriter {
  /** Creates file with text (mode 0755 when executable); fails if it exists. */
  create(file: string, text: string, executable?: boolean): void;
  /** Replaces file's text atomically, keeping its mode, only while it still reads before. */
  edit(file: string, before: string, text: string): void;
  /** Copies from to file; fails if file exists. */
  copy(from: string, file: string): void;
  append(file: string, text: string): void;
}

/** The real file system: exclusive creates (flag wx, COPYFILE_EXCL), so a file appearing meanwhile is never replaced. */
export const realInitWriter: InitWriter = {
  create(file, text, executable = false) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text, { flag: 'wx', mode: executable ? 0o755 : 0o666 });
  },
  edit(file, before, text) {
    if (readFileSync(file, 'utf8') !== before) {
      throw new ConfigError(`${path.basename(file)} changed while tovrun init was planning; it was left as it is.`, { file, hint: 'Run tovrun init again.' });
    }
    const { mode } = statSync(file);
    writeFileAtomic(file, text);
    chmodSync(file, mode & 0o7777);
  },
  copy(from, file) {
    mkdirSync(path.dirname(file), { recursive: true });
    copyFileSync(from, file, constants.COPYFILE_EXCL);
  },
  append(file, text) {
    appendFileSync(file, text);
  },
};

/** Carries out one action under root. */
function applyAction(root: string, action: InitAction, writer: InitWriter): void {
  const file = path.join(root, action.path);
  if (action.kind === 'write') writer.create(file, action.text, action.executable);
  else if (action.kind === 'edit') writer.edit(file, action.before, action.text);
  else if (action.kind === 'copy') writer.copy(action.from, file);
  else if (existsSync(file)) writer.append(file, action.text);
  else writer.create(file, action.text);
}

/** Applies every action of the plan in order, after checking that none writes through a link out of the workspace or to nothing; returns the paths written. */
export function applyInit(plan: InitPlan, writer: InitWriter = realInitWriter): string[] {
  checkInitTargets(plan);
  for (const action of plan.actions) applyAction(plan.root, action, writer);
  return plan.actions.map((action) => action.path);
}
