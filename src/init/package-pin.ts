/**
 * The root package.json that pins tovrun for everyone who clones the repository: a new private one, or the two entries
 * (devDependencies.tovrun and scripts.dev) added to an existing one without touching any other byte.
 */
import path from 'node:path';
import { applyEdits, modify, type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import type { InitAction, InitReader, SkippedFile } from './types.js';

/** What the pin adds, and what it leaves alone. */
export interface PinPlan {
  actions: InitAction[];
  skipped: SkippedFile[];
}

const dependencyKinds = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

/** A package name npm accepts, made from the repository's folder name. */
export function packageNameFor(root: string): string {
  const name = path
    .basename(root)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|[-]+$/g, '');
  return name === '' ? 'workspace' : name.slice(0, 214);
}

/** The text of a new root package.json: private, tovrun in devDependencies, `npm run dev` runs it. */
export function newPackageJson(root: string, spec: string): string {
  const manifest = { name: packageNameFor(root), private: true, scripts: { dev: 'tovrun' }, devDependencies: { tovrun: spec } };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Whether an npm spec names a local tarball or folder rather than a registry range, a tag, a URL or a git remote. */
const isLocalPath = (spec: string) => /^(\.{1,2}([\\/]|$)|[\\/]|~[\\/]|[A-Za-z]:[\\/])/.test(spec) || (!spec.includes(':') && /\.(tgz|tar\.gz)$/i.test(spec));

/**
 * The spec as package.json at root must hold it: a local path given relative to where init ran becomes `file:` relative
 * to root when inside it (so a tarball committed with the repository works for everyone), else absolute.
 */
export function pinnedSpec(spec: string, cwd: string, root: string): string {
  if (!isLocalPath(spec)) return spec;
  const absolute = path.resolve(cwd, spec.replace(/^~(?=[\\/])/, process.env.HOME ?? '~'));
  const relative = path.relative(root, absolute);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return `file:${inside ? `./${relative.split(path.sep).join('/')}` : absolute.split(path.sep).join('/')}`;
}

/** The line (1-based) of a character offset. */
const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** The indentation an existing file uses (its first indented line), so added entries look like their neighbours. */
function indentOf(text: string): { tabSize: number; insertSpaces: boolean } {
  const first = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  return first.startsWith('\t') ? { tabSize: 1, insertSpaces: false } : { tabSize: first.length, insertSpaces: true };
}

/** The edits for an existing package.json: only what is absent is added, each as one property insertion. */
function pinExisting(file: string, text: string, spec: string): PinPlan {
  const errors: ParseError[] = [];
  const manifest = parse(text, errors, { allowTrailingComma: false, disallowComments: true }) as unknown;
  const first = errors[0];
  if (first || typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    const where = first ? ` (${printParseErrorCode(first.error)} at line ${lineAt(text, first.offset)})` : '';
    return {
      actions: [],
      skipped: [{ path: file, reason: `not a JSON object${where}; add "devDependencies": {"tovrun": "${spec}"} and "scripts": {"dev": "tovrun"} by hand` }],
    };
  }
  const record = manifest as Record<string, unknown>;
  const declared = dependencyKinds.find((kind) => typeof (record[kind] as Record<string, unknown> | undefined)?.tovrun === 'string');
  const devScript = (record.scripts as Record<string, unknown> | undefined)?.dev;
  const skipped: SkippedFile[] = [];
  const added: string[] = [];
  const formattingOptions = { ...indentOf(text), eol: text.includes('\r\n') ? '\r\n' : '\n' };
  let next = text;
  if (declared)
    skipped.push({ path: `${file} ${declared}.tovrun`, reason: `exists (${String((record[declared] as Record<string, unknown>).tovrun)}), left as it is` });
  else {
    next = applyEdits(next, modify(next, ['devDependencies', 'tovrun'], spec, { formattingOptions }));
    added.push(`devDependencies.tovrun ${spec}`);
  }
  if (devScript !== undefined)
    skipped.push({ path: `${file} scripts.dev`, reason: `exists (${JSON.stringify(devScript)}), left as it is; run tovrun with \`npx tovrun\`` });
  else {
    next = applyEdits(next, modify(next, ['scripts', 'dev'], 'tovrun', { formattingOptions }));
    added.push('scripts.dev tovrun');
  }
  const actions: InitAction[] =
    added.length === 0 ? [] : [{ kind: 'edit', path: file, before: text, text: next, why: `added ${added.join(' and ')}; nothing else changed` }];
  return { actions, skipped };
}

/** Plans the pin of tovrun at spec in root's package.json (created when absent). */
export function planPackagePin(root: string, spec: string, reader: InitReader): PinPlan {
  const text = reader.readText(path.join(root, 'package.json'));
  if (text === undefined)
    return {
      actions: [{ kind: 'write', path: 'package.json', text: newPackageJson(root, spec), why: `private; pins tovrun ${spec}, \`npm run dev\` runs it` }],
      skipped: [],
    };
  return pinExisting('package.json', text, spec);
}
