/** Which keys of a .env are secret: marked @secret in the template, named like a secret, or holding a credential. */
import { isSecretKeyName, looksLikeSecretValue } from './secrets.js';
import type { EnvSchema } from './template.js';

/** The secret keys among the template's keys and the keys of values. */
export function collectSecretKeys(schema: EnvSchema | null, values: ReadonlyMap<string, string>, otherKeys: Iterable<string> = []): Set<string> {
  const secret = new Set<string>();
  for (const spec of schema?.keys.values() ?? []) if (spec.secret) secret.add(spec.key);
  for (const key of [...values.keys(), ...otherKeys]) if (isSecretKeyName(key)) secret.add(key);
  for (const [key, value] of values) if (looksLikeSecretValue(value)) secret.add(key);
  return secret;
}
