/** Rules about where the configuration runs: NODE_ENV=production, and placeholder or weak secrets in production. */
import { urlPassword, weakSecretReason } from '../secrets.js';
import { type EnvRule, envFinding, lastEntries } from './context.js';

/** How a production configuration is recognised (also documented in the template header). */
export const productionMarker = { key: 'FLASK_ENV', value: 'production' } as const;

/** env/node-env-production: npm then skips devDependencies (Vite among them); an error unless FLASK_ENV=production. */
const nodeEnvProduction: EnvRule = (input) => {
  const entry = lastEntries(input.parsed).get('NODE_ENV');
  if (!entry || input.values.get('NODE_ENV') !== 'production') return [];
  const message = 'NODE_ENV=production makes npm install silently skip devDependencies (Vite is one), so the frontend cannot start.';
  const hint = 'Delete NODE_ENV from .env: Vite sets it itself (development for dev, production for build).';
  return [envFinding(input, 'node-env-production', input.production ? 'warn' : 'error', entry.line, message, hint)];
};

/** env/production-secret: with FLASK_ENV=production, a secret that is a placeholder, the template's example or weak. */
const productionSecrets: EnvRule = (input) => {
  if (!input.production) return [];
  return [...lastEntries(input.parsed).values()].flatMap((entry) => {
    const value = input.values.get(entry.key);
    if (!input.secretKeys.has(entry.key) || value === undefined || value === '') return [];
    const reason = weakSecretReason(value, input.schema.keys.get(entry.key)?.example ?? '');
    if (!reason) return [];
    const generate = 'python -c "import secrets; print(secrets.token_urlsafe(48))"';
    const hint =
      urlPassword(value) === null
        ? `Generate a real one (${generate}) and keep it out of git.`
        : `Put the real password in the URL (generate one with ${generate}) and keep it out of git.`;
    return [
      envFinding(
        input,
        'production-secret',
        'error',
        entry.line,
        `${entry.key} is not fit for production (${productionMarker.key}=${productionMarker.value}): ${reason}.`,
        hint,
      ),
    ];
  });
};

/** Every rule about the target environment. */
export const productionRules: EnvRule[] = [nodeEnvProduction, productionSecrets];
