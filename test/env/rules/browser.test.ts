import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/check-text.js';

const template = '# @optional\nVITE_X=\n# @secret\nSERVER_SIDE=\n';

describe('env/vite-secret', () => {
  it.each([
    ['VITE_CLIENT_SECRET=abc\n', 'its name says it is secret'],
    ['VITE_X=ghp_0123456789abcdefghijABCD\n', 'its value looks like a credential'],
    ['SERVER_SIDE=shared-value-1\nVITE_X=shared-value-1\n', 'its value is the same as the secret SERVER_SIDE'],
  ])('%j is an error: %s', (text, reason) => {
    const [found] = findingsOf('vite-secret', text, template);
    expect(found?.status).toBe('error');
    expect(found?.message).toContain(reason);
  });

  it('accepts public VITE_ values, including a Sentry DSN without a password', () => {
    expect(findingsOf('vite-secret', 'VITE_X=https://public@sentry.example.com/1\nVITE_API_KEY=public-maps-key\n', template)).toEqual([]);
  });
});
