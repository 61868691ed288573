/** Masks secret values in any text tovrun prints or relays: one precompiled regex per set of secrets. */

import { type MaskTargets, OverlapMasker } from './overlap-masker.js';
import { escapeRegex } from './regex.js';
import { isSecretKeyName, looksLikeSecretValue, urlPassword } from './secrets.js';

/** What a masked secret is replaced with. */
export const secretMask = '***';
/** Shorter values are not masked in relayed service output (they would hide ordinary words and numbers). */
export const minimumMaskedLength = 4;

/**
 * What is masked: tovrun's own messages (every secret, however short; one shorter than minimumMaskedLength only where
 * it stands as a word of its own, so "abc" is hidden in `found "abc"` but "abcdef" is left whole), or relayed service
 * output (secrets of minimumMaskedLength characters or more, wherever they occur).
 */
export type MaskScope = 'messages' | 'relay';

// Any `scheme://user:password@` in free text, even from URLs tovrun never read: the password part, which may hold '@'
// (the user-info ends at the last '@' before the host). Neither the match nor its lookbehind can cross a newline (each
// character class excludes \s, or is letters, digits and +.-).
const urlCredentials = String.raw`(?<=[A-Za-z][A-Za-z0-9+.-]*://[^\s:/@]*:)[^\s/]*[^\s@/](?=@)`;

/**
 * The ways a secret may be spelled in output: as is, trimmed (as dotenv readers and apps trim), percent-encoded (in
 * URLs) and JSON-escaped; none for a value of only whitespace, which tells nothing and whose masking would hide the
 * layout of every message and log line.
 */
function spellings(secret: string): string[] {
  const trimmed = secret.trim();
  if (trimmed === '') return [];
  return [...new Set([secret, trimmed])].flatMap((each) => [each, encodeURIComponent(each), JSON.stringify(each).slice(1, -1)]);
}

/** The secret strings among values: values of secret keys or named like secrets, secret-looking values, URL passwords. */
export function secretStrings(values: Readonly<Record<string, string | undefined>> | ReadonlyMap<string, string>, secretKeys: Iterable<string>): string[] {
  const keys = new Set(secretKeys);
  const secrets = new Set<string>();
  const entries = values instanceof Map ? [...values] : Object.entries(values);
  for (const [key, value] of entries) {
    if (value === undefined) continue;
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

/** A pattern for a short secret: only where it is not part of a longer word (no letter, digit or _ next to its own). */
function wholeWord(secret: string): string {
  const before = /^\w/.test(secret) ? String.raw`(?<!\w)` : '';
  const after = /\w$/.test(secret) ? String.raw`(?!\w)` : '';
  return `${before}${escapeRegex(secret)}${after}`;
}

/** What to mask for secrets: their spellings as literals (longest first, so a secret wins over its own substrings),
 * and in tovrun's own messages the short ones as whole words. */
function secretTargets(secrets: Iterable<string>, scope: MaskScope): MaskTargets {
  const spelled = [...new Set([...secrets].flatMap(spellings))].sort((a, b) => b.length - a.length);
  const literals = spelled.filter((secret) => secret.length >= minimumMaskedLength);
  const patterns = scope === 'messages' ? spelled.filter((secret) => secret.length < minimumMaskedLength).map(wholeWord) : [];
  return { literals, patterns };
}

/**
 * A function replacing every given secret (as is, trimmed, percent-encoded or JSON-escaped) and every URL password in
 * text with ***; which secrets depends on scope (tovrun's own messages by default). Where two matches overlap (one
 * secret's end is another's start, a URL password running into a secret), their union is masked, so no part of either
 * is left. No match spans a newline (unless a secret holds one), so masking lines joined by '\n' equals masking each line.
 */
export function maskerForSecrets(secrets: Iterable<string>, scope: MaskScope = 'messages'): (text: string) => string {
  const targets = secretTargets(secrets, scope);
  // The URL part costs a scan of every position, so text that cannot hold a URL password gets the secrets alone (or
  // nothing when there are none).
  const withUrlCredentials = new OverlapMasker([targets, { literals: [], patterns: [urlCredentials] }], secretMask);
  const secretsOnly = new OverlapMasker([targets], secretMask);
  return (text) => {
    if (mayHoldUrlCredentials(text)) return withUrlCredentials.apply(text);
    return secretsOnly.empty ? text : secretsOnly.apply(text);
  };
}

/**
 * A function replacing every secret value (of keys in secretKeys or named like secrets: SECRET, PASSWORD, TOKEN,
 * KEY, DSN) and every URL password in text with ***; longer secrets win over their own substrings.
 */
export function createSecretMasker(
  values: Readonly<Record<string, string>>,
  secretKeys: Iterable<string>,
  scope: MaskScope = 'messages',
): (text: string) => string {
  return maskerForSecrets(secretStrings(values, secretKeys), scope);
}
