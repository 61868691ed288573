/** env/vite-secret: VITE_* keys are inlined into the JavaScript every browser downloads, so they must hold no secret. */
import { looksLikeSecretValue } from '../secrets.js';
import { type EnvRule, type EnvRuleInput, envFinding, lastEntries } from './context.js';

const browserSecretName = /SECRET|PASSWORD|PASSWD|PRIVATE|TOKEN|CREDENTIAL/i;
const minimumSharedLength = 8;

/** Why a VITE_ key looks secret, or null. */
function secretReason(input: EnvRuleInput, key: string, value: string): string | null {
  if (browserSecretName.test(key.slice('VITE_'.length))) return 'its name says it is secret';
  if (value === '') return null;
  if (looksLikeSecretValue(value)) return 'its value looks like a credential';
  const shared = [...input.values].find(
    ([other, otherValue]) => other !== key && !other.startsWith('VITE_') && input.secretKeys.has(other) && otherValue === value,
  );
  if (shared && value.length >= minimumSharedLength) return `its value is the same as the secret ${shared[0]}`;
  return null;
}

/** An error per VITE_ key whose name or value looks secret. */
export const browserRule: EnvRule = (input) =>
  [...lastEntries(input.parsed).values()].flatMap((entry) => {
    if (!entry.key.startsWith('VITE_')) return [];
    const reason = secretReason(input, entry.key, input.values.get(entry.key) ?? '');
    if (!reason) return [];
    return [
      envFinding(
        input,
        'vite-secret',
        'error',
        entry.line,
        `${entry.key} is shipped to every browser (Vite inlines VITE_* into the bundle), and ${reason}.`,
        `Rename it without the VITE_ prefix and use it only in the backend; the browser may only get public values.`,
      ),
    ];
  });
