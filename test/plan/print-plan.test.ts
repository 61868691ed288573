import { describe, expect, it } from 'vitest';
import type { ComposePlan } from '../../src/plan/compose.js';
import { formatComposePlan, restartText } from '../../src/plan/print-plan.js';

const plan: ComposePlan = {
  project: { file: 'docker-compose.yml', name: 'tovplay', envFile: null, profiles: ['local-db'] },
  services: [],
  variables: {},
};

describe('formatComposePlan', () => {
  it('names the services that get the database, whatever they are called, and says nothing when none does', () => {
    expect(formatComposePlan(plan, { users: ['signaling'], described: 'postgresql://u:***@localhost:5432/db (the local-db profile)' })).toContain(
      'Database of signaling: postgresql://u:***@localhost:5432/db (the local-db profile)\n',
    );
    expect(formatComposePlan(plan, { users: ['api', 'worker'], described: 'x' })).toContain('Database of api, worker: x\n');
    expect(formatComposePlan(plan, { users: [], described: 'x' })).not.toContain('Database');
  });
});

describe('restartText (the dry run)', () => {
  it('states the retry limit and the crash loop that ends the restarts', () => {
    const policy = { policy: 'on-failure' as const, maxRetries: 5, backoffMs: 1_000, crashLimit: 5, crashWindowMs: 60_000 };
    expect(restartText(policy)).toBe('on failure, up to 5 times; gives up after 5 failures within 60 s');
    expect(restartText({ ...policy, policy: 'no' })).toBe('never');
  });
});
