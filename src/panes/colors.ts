/** Service colours for labelled output, and the colour environment given to children. */

const palette = [36, 35, 33, 34, 32, 31, 96, 95, 93, 94, 92, 91] as const;

/** The ANSI foreground colour code for the index-th service (a fixed rotation, so colours are stable per run). */
export function serviceColorCode(index: number): number {
  return palette[index % palette.length] as number;
}

/** Wraps text in an ANSI foreground colour. */
export function paint(text: string, code: number): string {
  return `\u001b[${code}m${text}\u001b[39m`;
}

/** Wraps text in ANSI dim. */
export function dim(text: string): string {
  return `\u001b[2m${text}\u001b[22m`;
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
