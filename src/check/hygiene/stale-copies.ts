/**
 * hygiene/stale-copy: compose and .env files in sub-folders (tovplay-backend/, tovplay-frontend/, .claude/infra/) left
 * over from before the consolidation into the root files; each named with its path and the keys that differ.
 */
import path from 'node:path';
import { composeServices, describeDifferences, envMap, findStaleCandidates, isComposeName } from '../../env/stale-copies.js';
import { type Finding, finding } from '../../report/findings.js';
import { type CheckInput, workspacePath } from '../input.js';
import { removeFileCommand } from '../shell-hints.js';

function comparison(input: CheckInput, file: string): string {
  const { workspace, effects } = input;
  const compose = isComposeName(path.basename(file));
  const rootFile = compose
    ? workspace.composeFile
    : path.basename(file) === '.env' && effects.files.readText(workspace.envFile) !== undefined
      ? workspace.envFile
      : workspace.envTemplateFile;
  const copyText = effects.files.readText(file);
  const rootText = effects.files.readText(rootFile);
  const rootName = workspacePath(input, rootFile);
  if (copyText === undefined) return 'unreadable';
  if (rootText === undefined) return `there is no ${rootName} to compare it with`;
  try {
    return compose
      ? describeDifferences(composeServices(copyText), composeServices(rootText), 'services', rootName)
      : describeDifferences(envMap(copyText), envMap(rootText), 'keys', rootName);
  } catch {
    return `it could not be compared with ${rootName}`;
  }
}

/** One warning per stale copy, or one ok. */
export function staleCopyFindings(input: CheckInput): Finding[] {
  const { workspace } = input;
  const inUse = new Set([
    workspace.composeFile,
    workspace.envFile,
    workspace.envTemplateFile,
    ...workspace.services.flatMap((service) => (service.type === 'python' ? [service.venv] : [])),
  ]);
  const copies = findStaleCandidates(workspace.root, input.effects.files, inUse);
  if (copies.length === 0) return [finding('hygiene/stale-copies', 'ok', 'no stale docker-compose or .env copies in sub-folders.')];
  return copies.map((file) => {
    const shown = workspacePath(input, file);
    return finding('hygiene/stale-copy', 'warn', `${shown} is not used by tovrun; remove it (${comparison(input, file)}).`, {
      file: shown,
      hint: `Move anything still needed into the root file, then run \`${removeFileCommand(shown, input.platform)}\`.`,
    });
  });
}
