import { describe, expect, it } from 'vitest';
import { doctorChecks } from '../../src/check/checks.js';

describe('doctorChecks', () => {
  it('runs env, toolchains, dependencies, ports, compose, hygiene and database, each with a timeout', () => {
    expect(doctorChecks.map((check) => check.name)).toEqual(['env', 'toolchains', 'dependencies', 'ports', 'compose', 'hygiene', 'database']);
    for (const check of doctorChecks) expect(check.timeoutMs).toBeGreaterThan(0);
  });
});
