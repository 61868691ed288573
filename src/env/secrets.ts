/** Which keys and values are secret, and which secret values are placeholders or too weak for production. */

/** Parts of a key name that make its value secret wherever it appears. */
export const secretNameParts = ['SECRET', 'PASSWORD', 'TOKEN', 'KEY', 'DSN'] as const;

/** Whether a key's name alone makes it secret (contains SECRET, PASSWORD, TOKEN, KEY or DSN). */
export function isSecretKeyName(key: string): boolean {
  const upper = key.toUpperCase();
  return secretNameParts.some((part) => upper.includes(part));
}

const secretValuePatterns = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}/,
  /\bsk-[A-Za-z0-9_-]{20,}/,
  /\bgh[pousr]_[A-Za-z0-9]{20,}/,
  /\bgithub_pat_[A-Za-z0-9_]{20,}/,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/,
  /\bAKIA[0-9A-Z]{16}\b/,
  /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s:/@]*:[^\s@/]+@/,
];

/** Whether a value looks like a credential whatever its key is called (private key, API token, URL with password). */
export function looksLikeSecretValue(value: string): boolean {
  return secretValuePatterns.some((pattern) => pattern.test(value));
}

// A URL with a password in its user-info: scheme and user with the ':' (1), the password (2), then '@' and the host.
const urlWithPassword = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s:/@]*:)([^\s/]*[^\s@/])(?=@[^\s@/]*(?:[/\s]|$))/;

/** The URL with its password (which may hold '@') replaced by mask; unchanged when it holds none. */
export function maskUrlPassword(url: string, mask: string): string {
  return url.replace(urlWithPassword, (_match, head: string) => `${head}${mask}`);
}

/** The password inside a URL's user-info (`scheme://user:password@host`), decoded, or null; it may hold '@' (the user-info ends at the last '@' before the path). */
export function urlPassword(value: string): string | null {
  const match = urlWithPassword.exec(value);
  if (!match?.[2]) return null;
  try {
    return decodeURIComponent(match[2]);
  } catch {
    return match[2];
  }
}

const placeholderWords = /change[-_ ]?me|changeme|placeholder|replace[-_ ]?me|your[-_]|example|dummy|dev[-_]only|insecure|not[-_]a[-_]secret|todo|xxx|<[^>]*>/i;
const commonWeak = new Set(['password', 'secret', 'admin', 'root', 'postgres', 'tovplay', 'letmein', 'qwerty', 'changeit', 'test', '123456', '12345678']);
/** Shortest secret accepted in production. */
export const minimumProductionSecretLength = 16;

/** Why a secret value is unfit for production (placeholder, template example, weak), or null when it is fine. */
export function weakSecretReason(value: string, example: string): string | null {
  const secret = urlPassword(value) ?? value;
  if (example !== '' && value === example) return 'it is still the example value from .env.template';
  if (placeholderWords.test(secret)) return 'it is a placeholder';
  if (commonWeak.has(secret.toLowerCase())) return 'it is a common password';
  if (secret.length < minimumProductionSecretLength) return `it is shorter than ${minimumProductionSecretLength} characters`;
  if (new Set(secret).size <= 3) return 'it repeats too few characters';
  return null;
}
