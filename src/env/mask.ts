/** Masks secret values in any text tovrun prints or relays: one precompiled regex per set of secrets. */
import { isSecretKeyName, looksLikeSecretValue, urlPassword } from './secrets.js';
import { escapeRegex } from './regex.js';

/** What a masked secret is replaced with. */
export const secretMask = '***';
/** Shorter values are not masked in free text (they would hide ordinary words and numbers). */
export const minimumMaskedLength = 4;

// Any `scheme://user:password@` in free text, even from URLs tovrun never read: the password part. Neither the match nor
// its lookbehind and lookahead can cross a newline (each character class excludes \s, or is letters, digits and +.-).
const urlCredentials = String.raw`(?<=[A-Za-z][A-Za-z0-9+.-]*://[^\s:/@]*:)[^\s@/]+(?=@)`;

/** The ways a secret may be spelled in output: as is, percent-encoded (in URLs) and JSON-escaped. */
function spellings(secret: string): string[] {
  return [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
}

/** The secret strings among values: values of secret keys or named like secrets, secret-looking values, URL passwords. */
export function secretStrings(values: Readonly<Record<string, string>> | ReadonlyMap<string, string>, secretKeys: Iterable<string>): string[] {
  const keys = new Set(secretKeys);
  const secrets = new Set<string>();
  const entries = values instanceof Map ? [...values] : Object.entries(values);
  for (const [key, value] of entries) {
    if (keys.has(key) || isSecretKeyName(key) || looksLikeSecretValue(value)) secrets.add(value);
    const password = urlPassword(value);
    if (password !== null) secrets.add(password);
  }
  return [...secrets];
}

/** Whether text may hold a `scheme://user:password@`: only then can the URL-password pattern match. */
function mayHoldUrlCredentials(text: string): boolean {
  return text.includes('://') && text.includes('@');
}

/**
 * A function replacing every given secret (as is, percent-encoded or JSON-escaped) and every URL password in text with ***.
 * No match spans a newline (unless a secret holds one), so masking lines joined by '\n' equals masking each line.
 */
export function maskerForSecrets(secrets: Iterable<string>): (text: string) => string {
  const literals = [...new Set([...secrets].flatMap(spellings))]
    .filter((secret) => secret.length >= minimumMaskedLength)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex);
  // One pattern with both, so a secret and a URL password overlapping are masked as one; the URL part costs a scan of
  // every position, so text that cannot hold a URL password gets the secrets alone (or nothing when there are none).
  const withUrlCredentials = new RegExp([...literals, urlCredentials].join('|'), 'g');
  const literalsOnly = literals.length > 0 ? new RegExp(literals.join('|'), 'g') : null;
  return (text) => {
    if (mayHoldUrlCredentials(text)) return text.replace(withUrlCredentials, secretMask);
    return literalsOnly ? text.replace(literalsOnly, secretMask) : text;
  };
}

/**
 * A function replacing every secret value (of keys in secretKeys or named like secrets: SECRET, PASSWORD, TOKEN,
 * KEY, DSN) and every URL password in text with ***; longer secrets win over their own substrings.
 */
export function createSecretMasker(values: Readonly<Record<string, string>>, secretKeys: Iterable<string>): (text: string) => string {
  return maskerForSecrets(secretStrings(values, secretKeys));
}
