import { describe, expect, it } from 'vitest';
import { parseStateLine, readinessOf, serviceReadiness } from '../../src/compose/container-state.js';

const state = (status: string, health: string | null = null, exitCode = 0) => ({ status, health, exitCode });

describe('parseStateLine', () => {
  it("reads docker and podman .State, Health and podman's older Healthcheck", () => {
    expect(parseStateLine('{"Status":"running","Running":true,"ExitCode":0,"Health":{"Status":"starting","FailingStreak":0}}')).toEqual(
      state('running', 'starting'),
    );
    expect(parseStateLine('{"Status":"running","Healthcheck":{"Status":"healthy"}}')).toEqual({ status: 'running', health: 'healthy', exitCode: null });
    expect(parseStateLine('{"Status":"exited","ExitCode":3}')).toEqual(state('exited', null, 3));
    expect(parseStateLine('Error: No such object')).toBeNull();
  });
});

describe('readinessOf / serviceReadiness', () => {
  it('is ready when healthy, or running without a healthcheck', () => {
    expect(readinessOf(state('running', 'healthy'))).toEqual({ kind: 'ready', how: 'healthy' });
    expect(readinessOf(state('running'))).toEqual({ kind: 'ready', how: 'running' });
  });

  it('waits while starting, created or restarting; fails when unhealthy or exited', () => {
    expect(readinessOf(state('running', 'starting'))).toEqual({ kind: 'waiting', status: 'health: starting' });
    expect(readinessOf(state('restarting'))).toEqual({ kind: 'waiting', status: 'restarting' });
    expect(readinessOf(state('running', 'unhealthy'))).toMatchObject({ kind: 'failed' });
    expect(readinessOf(state('exited', null, 1))).toEqual({ kind: 'failed', reason: 'exited with code 1 before it was ready' });
  });

  it('combines replicas: all ready, any failed', () => {
    expect(serviceReadiness([])).toEqual({ kind: 'waiting', status: 'no container yet' });
    expect(serviceReadiness([state('running', 'healthy'), state('running', 'starting')])).toMatchObject({ kind: 'waiting' });
    expect(serviceReadiness([state('running', 'healthy'), state('exited')])).toMatchObject({ kind: 'failed' });
    expect(serviceReadiness([state('running', 'healthy'), state('running')])).toEqual({ kind: 'ready', how: 'running' });
  });
});
