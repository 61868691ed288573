import { describe, expect, it } from 'vitest';
import { profilesFromEnv, requestedProfiles } from '../../src/plan/profiles.js';

describe('requestedProfiles', () => {
  it('joins -p flags, TOVRUN_PROFILES and tovrun.yaml, each once, flags first', () => {
    expect(requestedProfiles(['local-db'], { TOVRUN_PROFILES: 'monitoring, local-db' }, ['pgbouncer', 'monitoring'])).toEqual([
      'local-db',
      'monitoring',
      'pgbouncer',
    ]);
    expect(requestedProfiles([], {}, [])).toEqual([]);
  });

  it('reads TOVRUN_PROFILES separated by commas or spaces', () => {
    expect(profilesFromEnv('a,b  c,,')).toEqual(['a', 'b', 'c']);
    expect(profilesFromEnv(undefined)).toEqual([]);
  });
});
