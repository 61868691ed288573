/** Small regular-expression helpers shared by the env modules. */

/** text with every regex metacharacter escaped, for building a pattern that matches it literally. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
