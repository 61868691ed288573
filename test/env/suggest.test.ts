import { describe, expect, it } from 'vitest';
import { closestKey } from '../../src/env/suggest.js';

describe('closestKey', () => {
  const known = ['FLASK_ENV', 'FLASK_APP', 'DATABASE_URL', 'POSTGRES_PASSWORD'];

  it('suggests near misses: swapped letters, case, a missing underscore', () => {
    expect(closestKey('FLASK_EVN', known)).toBe('FLASK_ENV');
    expect(closestKey('flask_app', known)).toBe('FLASK_APP');
    expect(closestKey('DATABASEURL', known)).toBe('DATABASE_URL');
    expect(closestKey('POSTGRES_PASWORD', known)).toBe('POSTGRES_PASSWORD');
  });

  it('suggests nothing for unrelated names', () => {
    expect(closestKey('REDIS_URL', known)).toBeNull();
    expect(closestKey('X', known)).toBeNull();
  });
});
