/** Terminal control sequences (ANSI colours, cursor moves, titles): telling whether text holds any, and removing them. */
import { stripVTControlCharacters } from 'node:util';

/** Whether text may hold terminal control sequences (an ESC or a CSI character). */
export function holdsControlCodes(text: string): boolean {
  return text.includes('\u001b') || text.includes('\u009b');
}

/** Text without terminal control sequences; skips the regex when there is nothing to strip. */
export function plainText(text: string): string {
  return holdsControlCodes(text) ? stripVTControlCharacters(text) : text;
}
