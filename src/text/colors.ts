/**
 * tovrun's one colour mechanism: plain ANSI codes written here. Chosen over chalk and util.styleText because tovrun
 * decides once whether to colour (useColor in src/context.ts: NO_COLOR, FORCE_COLOR, a TTY) and these only paint,
 * with no detection of their own to disagree, no dependency, and nothing to cost on the relay's hot path.
 */

const palette = [36, 35, 33, 34, 32, 31, 96, 95, 93, 94, 92, 91] as const;

/** The ANSI foreground colour code for the index-th service (a fixed rotation, so colours are stable per run). */
export function serviceColorCode(index: number): number {
  return palette[index % palette.length] as number;
}

/** Wraps text in an ANSI foreground colour (empty text stays empty). */
export function paint(text: string, code: number): string {
  return text === '' ? '' : `\u001b[${code}m${text}\u001b[39m`;
}

/** Wraps text in ANSI bold (empty text stays empty). */
export function bold(text: string): string {
  return text === '' ? '' : `\u001b[1m${text}\u001b[22m`;
}

/** Wraps text in ANSI dim (empty text stays empty). */
export function dim(text: string): string {
  return text === '' ? '' : `\u001b[2m${text}\u001b[22m`;
}

/** The styles tovrun's own messages use, each a function from text to painted text. */
export interface Colors {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

const plain = (text: string) => text;

/** The styles, painting when enabled (decide with useColor) and leaving text as it is otherwise. */
export function colors(enabled: boolean): Colors {
  if (!enabled) return { red: plain, green: plain, yellow: plain, cyan: plain, bold: plain, dim: plain };
  return { red: (text) => paint(text, 31), green: (text) => paint(text, 32), yellow: (text) => paint(text, 33), cyan: (text) => paint(text, 36), bold, dim };
}

/** A child's environment with its colour settings: FORCE_COLOR=1 when tovrun shows colour, NO_COLOR=1 otherwise. */
export function childColorEnv(env: NodeJS.ProcessEnv, color: boolean): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...env };
  if (color) {
    result.FORCE_COLOR = '1';
    delete result.NO_COLOR;
  } else {
    result.NO_COLOR = '1';
    delete result.FORCE_COLOR;
  }
  return result;
}
