import { describe, expect, it } from 'vitest';
import type { ComposePlan } from '../../src/plan/compose.js';
import { formatComposePlan } from '../../src/plan/print-plan.js';

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
