/** Dotted version numbers (3.11.7, 3.10): parsing and comparing. */

/** A version as its numeric parts, most significant first. */
export type Version = readonly number[];

/** How a version is looked for in text. */
export interface ParseVersionOptions {
  /** Only a dotted number (major.minor at least) counts: a tool's chatter may hold a lone number first ("podman-compose(1)"). */
  dotted?: boolean;
}

/** The numbers of the first version in "3.11.7" / "Python 3.11.7" / "v20.19.0" / "3", or undefined when there is none. */
export function parseVersion(text: string, options: ParseVersionOptions = {}): Version | undefined {
  const match = (options.dotted === true ? /\d+(?:\.\d+)+/ : /\d+(?:\.\d+)*/).exec(text);
  return match === null ? undefined : match[0].split('.').map(Number);
}

/** Negative when a < b, zero when equal, positive when a > b; missing parts count as 0 (3.10 equals 3.10.0). */
export function compareVersions(a: Version, b: Version): number {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Whether two versions share major and minor (3.11.2 and 3.11.9 do; 3.11 and 3.12 do not). */
export function sameMinor(a: Version, b: Version): boolean {
  return a[0] === b[0] && (a[1] ?? 0) === (b[1] ?? 0);
}

/** "3.11.7" for [3, 11, 7]. */
export function formatVersion(version: Version): string {
  return version.join('.');
}
