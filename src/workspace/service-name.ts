/** The rule for service names (they label output and name log files), and a safe way to show any name or key in a message. */

/** Letters, digits, ".", "_" and "-", starting with a letter or digit, at most 63 characters (as compose project names). */
export const serviceNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/** Names Windows keeps for devices, with or without an extension: such a log file cannot be created there. */
const windowsDeviceName = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** Characters never printed as they are: C0 and C1 controls, DEL, and invisible or direction-changing formatting. */
const unsafeCharacter = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;

/** A name or value quoted for a message: JSON-escaped, every control or invisible character as \uXXXX, shortened past max characters. */
export function quoteText(text: string, max = 40): string {
  const characters = Array.from(text);
  const shown = characters.length > max ? characters.slice(0, max).join('') : text;
  const escaped = JSON.stringify(shown).replace(unsafeCharacter, (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
  return characters.length > max ? `${escaped.slice(0, -1)}…" (${characters.length} characters)` : escaped;
}

/** A key path for a message: services.api.port, with every segment that is not a plain word quoted safely. */
export function keyPathText(keyPath: readonly (string | number)[]): string {
  return keyPath.map((segment) => (typeof segment === 'number' || /^[A-Za-z0-9_-]{1,63}$/.test(segment) ? String(segment) : quoteText(segment))).join('.');
}

/** Why a name cannot name a service ("is longer than 63 characters"), or null when it can. */
export function serviceNameProblem(name: string): string | null {
  if (name.length > 63) return `is ${name.length} characters long; at most 63 are allowed`;
  if (!serviceNamePattern.test(name)) return 'may hold only letters, digits, ".", "_" and "-", and must start with a letter or digit';
  if (windowsDeviceName.test(name)) return 'is a device name on Windows, where its log file cannot be created';
  if (/\.previous$/i.test(name)) return 'ends in ".previous", which names the log of the run before';
  return null;
}

/** The first two names that differ only in letter case (their log files are one file on macOS and Windows), or null. */
export function caseCollision(names: readonly string[]): [string, string] | null {
  const seen = new Map<string, string>();
  for (const name of names) {
    const other = seen.get(name.toLowerCase());
    if (other !== undefined) return [other, name];
    seen.set(name.toLowerCase(), name);
  }
  return null;
}
