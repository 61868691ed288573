/** Masking a block of service output once for both places it goes: the log file (plain) and the screen (coloured when allowed). */

import type { LineMask } from '../os/output-sink.js';
import { holdsControlCodes, plainText } from './ansi.js';

/** A block masked: `plain` without colour codes (for the log file), `shown` as the screen gets it. */
export interface MaskedBlock {
  plain: string;
  shown: string;
}

/**
 * Masks a block of lines; colour codes may split a secret, so text holding codes is also masked without them. With
 * colour, each line whose codes hid a secret from the mask (its masked plain text differs from what the coloured line
 * shows) is shown as that masked plain text: the line loses its colours. Without codes this costs nothing.
 */
export function maskBlock(block: string, mask: LineMask | undefined, color: boolean): MaskedBlock {
  const masked = mask ? mask(block) : block;
  const plain = holdsControlCodes(block) ? (mask ? mask(plainText(block)) : plainText(block)) : masked;
  return { plain, shown: color ? coloured(masked, plain) : plain };
}

function coloured(masked: string, plain: string): string {
  if (masked === plain || plainText(masked) === plain) return masked;
  const lines = masked.split('\n');
  const plainLines = plain.split('\n');
  // A secret holding a newline, or a control sequence spanning one, leaves no line-by-line match: show it all plain.
  if (lines.length !== plainLines.length) return plain;
  return lines.map((line, index) => (plainText(line) === plainLines[index] ? line : (plainLines[index] ?? ''))).join('\n');
}
