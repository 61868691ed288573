/** The pure planner of `tovrun init`: reads the repository (never writes) and returns what to write and what to skip. */
import { statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { planCopy } from '../files/copy-tree.js';
import { packageVersion } from '../paths.js';
import { findPreset, initPresetNames, type ShippedFile } from '../workspace/presets.js';
import type { RawConfig } from '../workspace/raw-config.js';
import { detectLayout } from './detect.js';
import { ignoreAppendText, missingIgnoreLines } from './gitignore.js';
import { planLaunchers } from './launchers.js';
import { findMergeCandidates, relativeTo } from './merge-candidates.js';
import { planPackagePin } from './package-pin.js';
import { isPlainNode, renderTovrunYaml } from './tovrun-yaml.js';
import type { DetectedLayout, InitAction, InitChoices, InitPlan, InitReader, SkippedFile } from './types.js';

/** The actions and skips of the shipped files (folders file by file; a folder wholly present is one skip). */
function planShipped(root: string, files: ShippedFile[], reader: InitReader): { actions: InitAction[]; skipped: SkippedFile[] } {
  const actions: InitAction[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of files) {
    const target = path.join(root, file.path);
    if (!statSync(file.from).isDirectory()) {
      if (reader.exists(target)) skipped.push({ path: file.path, reason: 'exists' });
      else actions.push({ kind: 'copy', path: file.path, from: file.from, why: 'shipped with tovrun' });
      continue;
    }
    const copies = planCopy(file.from, target, reader.exists);
    const present = copies.filter((copy) => copy.exists);
    if (present.length === copies.length) skipped.push({ path: `${file.path}/`, reason: 'exists' });
    else skipped.push(...present.map((copy) => ({ path: relativeTo(root, copy.to), reason: 'exists' })));
    actions.push(
      ...copies
        .filter((copy) => !copy.exists)
        .map((copy) => ({ kind: 'copy' as const, path: relativeTo(root, copy.to), from: copy.from, why: 'shipped with tovrun' })),
    );
  }
  return { actions, skipped };
}

/** The layout with the user's folder choices over what was detected. */
function chosenLayout(root: string, choices: InitChoices, reader: InitReader): DetectedLayout {
  const detected = detectLayout(root, reader);
  const backend = choices.backend ?? detected.backend;
  const frontend = choices.frontend ?? detected.frontend;
  return backend || frontend ? { backend, frontend, nodeServices: [], devScripts: [] } : { ...detected, backend, frontend };
}

/** What init takes from a preset: its name, the files it ships, and its services when init writes them in full. */
interface InitPreset {
  name: string;
  adopts: boolean;
  files: ShippedFile[];
  config: RawConfig | undefined;
}

/** The init side of the preset of that name (its defaults read for root), or a UsageError listing the ones init offers. */
export function requirePreset(name: string, root: string, reader: InitReader): InitPreset {
  const preset = findPreset(name);
  const init = preset?.init?.();
  if (!preset || !init) throw new UsageError(`unknown preset "${name}".`, `Choose one of: ${initPresetNames.join(', ')}.`);
  const config = init.adopts ? undefined : preset.config({ exists: (relative) => reader.exists(path.join(root, relative)) });
  return { name: preset.name, adopts: init.adopts, files: init.files, config };
}

/** Whether the named preset adopts an existing repository (asks for its folders) rather than scaffolding a new stack. */
export function presetAdopts(name: string): boolean {
  return findPreset(name)?.init?.().adopts === true;
}

/** Everything init would do in root; reads through reader only. */
export function planInit(root: string, choices: InitChoices, reader: InitReader): InitPlan {
  const preset = requirePreset(choices.preset, root, reader);
  const layout = chosenLayout(root, choices, reader);
  const plainNode = !preset.config && isPlainNode(layout);
  const shipped = plainNode ? [] : preset.files;
  const actions: InitAction[] = [];
  const skipped: SkippedFile[] = [];
  const at = (relative: string) => path.join(root, relative);

  if (reader.exists(at('tovrun.yaml'))) skipped.push({ path: 'tovrun.yaml', reason: 'exists' });
  else
    actions.push({
      kind: 'write',
      path: 'tovrun.yaml',
      text: renderTovrunYaml(preset.name, layout, preset.config),
      why: `the ${plainNode ? 'detected Node services' : `${preset.name} preset`}, commented`,
    });

  const copies = planShipped(root, shipped, reader);
  actions.push(...copies.actions);
  skipped.push(...copies.skipped);

  const templateSource = reader.exists(at('.env.template')) ? at('.env.template') : shipped.find((file) => file.path === '.env.template')?.from;
  if (reader.exists(at('.env'))) skipped.push({ path: '.env', reason: 'exists (yours, never overwritten)' });
  else if (templateSource) actions.push({ kind: 'copy', path: '.env', from: templateSource, why: 'from .env.template; change what you need' });

  // The pinned tovrun and its launchers: for a repository init adopts, or a stack it scaffolds alike.
  for (const part of [planPackagePin(root, choices.tovrunSpec ?? packageVersion(), reader), planLaunchers(root, reader)]) {
    actions.push(...part.actions);
    skipped.push(...part.skipped);
  }

  const ignoreText = reader.readText(at('.gitignore'));
  const missing = missingIgnoreLines(ignoreText);
  if (missing.length > 0)
    actions.push({
      kind: 'append',
      path: '.gitignore',
      lines: missing,
      text: ignoreAppendText(ignoreText, missing),
      why: ignoreText === undefined ? 'created' : 'missing lines appended',
    });

  const shippedText = (name: string) => reader.readText(at(name)) ?? reader.readText(shipped.find((file) => file.path === name)?.from ?? '');
  const mergeCandidates = findMergeCandidates(root, reader, { envTemplate: shippedText('.env.template'), compose: shippedText('docker-compose.yml') });
  return { root, preset: preset.name, adopts: preset.adopts, layout, actions, skipped, mergeCandidates };
}
