/** GitHub Actions annotations for a report: `::error file=…,line=…,title=…::message` per problem, escaped per GitHub's rules. */
import path from 'node:path';
import { type Finding, orderFindings } from '../report/findings.js';

/** Whether the environment is a GitHub Actions job (GITHUB_ACTIONS=true). */
export function isGitHubActions(env: NodeJS.ProcessEnv): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

/** A workflow command's message: %, CR and LF percent-encoded. */
export function escapeAnnotationData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** A workflow command's property value: as data, plus : and , encoded. */
export function escapeAnnotationProperty(text: string): string {
  return escapeAnnotationData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** Where GitHub should point: the file relative to the checkout (GITHUB_WORKSPACE) when it lies inside it. */
export interface AnnotationPaths {
  /** The workspace root the findings' files are relative to. */
  root: string;
  /** GITHUB_WORKSPACE, when set. */
  checkout?: string | undefined;
}

function annotationFile(file: string, paths: AnnotationPaths): string {
  if (!paths.checkout) return file;
  const absolute = path.resolve(paths.root, file);
  const relative = path.relative(paths.checkout, absolute);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

function annotation(item: Finding, paths: AnnotationPaths): string {
  const level = item.status === 'error' ? 'error' : 'warning';
  const properties = [
    ...(item.file === null ? [] : [`file=${escapeAnnotationProperty(annotationFile(item.file, paths))}`]),
    ...(item.line === null ? [] : [`line=${item.line}`]),
    `title=${escapeAnnotationProperty(`tovrun ${item.id}`)}`,
  ];
  const message = item.hint === null ? item.message : `${item.message}\nFix: ${item.hint}`;
  return `::${level} ${properties.join(',')}::${escapeAnnotationData(message)}`;
}

/** One annotation line per error and warning (ok findings get none), ending in a newline; '' when there are none. */
export function formatGitHubAnnotations(findings: readonly Finding[], paths: AnnotationPaths): string {
  const lines = orderFindings(findings)
    .filter((item) => item.status !== 'ok')
    .map((item) => annotation(item, paths));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
