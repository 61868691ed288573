import { describe, expect, it } from 'vitest';
import { isSecretKeyName, looksLikeSecretValue, urlPassword, weakSecretReason } from '../../src/env/secrets.js';

describe('secrets', () => {
  it('treats names containing SECRET, PASSWORD, TOKEN, KEY or DSN as secret', () => {
    for (const key of ['SECRET_KEY', 'POSTGRES_PASSWORD', 'DISCORD_BOT_TOKEN', 'GAMES_API_KEY', 'SENTRY_DSN', 'my_token'])
      expect(isSecretKeyName(key), key).toBe(true);
    for (const key of ['FLASK_ENV', 'POSTGRES_USER', 'BACKEND_PORT']) expect(isSecretKeyName(key), key).toBe(false);
  });

  it('recognises credential-shaped values', () => {
    for (const value of [
      'sk_live_0123456789abcdef',
      'ghp_0123456789abcdefghijABCD',
      '-----BEGIN RSA PRIVATE KEY-----',
      'https://u:pw@host/x',
      'AKIAABCDEFGHIJKLMNOP',
    ])
      expect(looksLikeSecretValue(value), value).toBe(true);
    for (const value of ['TovPlay', 'http://localhost:5001', 'https://k@sentry.example.com/1']) expect(looksLikeSecretValue(value), value).toBe(false);
  });

  it('finds the (decoded) password in a URL', () => {
    expect(urlPassword('postgresql://tovplay:p%40ss@localhost/db')).toBe('p@ss');
    expect(urlPassword('http://localhost:5001')).toBeNull();
  });

  it("reads a password holding '@' up to the last '@' before the host", () => {
    expect(urlPassword('postgresql://u:CANARY@CANARYtail@localhost:5432/db')).toBe('CANARY@CANARYtail');
    expect(urlPassword('redis://:a@b@cache')).toBe('a@b');
  });

  it('says why a secret is unfit for production', () => {
    expect(weakSecretReason('same-as-template', 'same-as-template')).toMatch(/example value/);
    expect(weakSecretReason('<generate one>', '')).toMatch(/placeholder/);
    expect(weakSecretReason('dev-only-whatever-long-enough', '')).toMatch(/placeholder/);
    expect(weakSecretReason('password', '')).toMatch(/common password/);
    expect(weakSecretReason('hunter2', '')).toMatch(/shorter than 16/);
    expect(weakSecretReason('aaaaaaaaaaaaaaaaaaaa', '')).toMatch(/too few characters/);
    expect(weakSecretReason('postgresql://u:<password>@db/x', '')).toMatch(/placeholder/);
    expect(weakSecretReason('Zq8vR2mX7pL4kW9tN3bY6cH1', '')).toBeNull();
  });
});
