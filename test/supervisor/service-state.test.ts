// The one state field of a service: the documented moves are taken, every other move is refused and changes nothing.
import { describe, expect, it } from 'vitest';
import { ServiceLifecycle, type ServiceState, ServiceTransitionError, serviceTransitions } from '../../src/supervisor/service-state.js';

const states = Object.keys(serviceTransitions) as ServiceState[];

/** A lifecycle brought through the given moves from 'waiting'. */
function through(...moves: ServiceState[]): ServiceLifecycle {
  const lifecycle = new ServiceLifecycle('api');
  for (const move of moves) lifecycle.moveTo(move);
  return lifecycle;
}

describe('ServiceLifecycle', () => {
  it('starts waiting, not launched, not ended', () => {
    const lifecycle = new ServiceLifecycle('api');
    expect([lifecycle.state, lifecycle.launched, lifecycle.ended]).toEqual(['waiting', false, false]);
  });

  it('takes a whole life: launch, run, crash with a restart scheduled, run again, replace, stop', () => {
    const lifecycle = through('starting', 'running', 'restarting');
    // A scheduled restart is 'restarting' and has not ended: it is not 'failed'.
    expect([lifecycle.state, lifecycle.ended]).toEqual(['restarting', false]);
    for (const move of ['starting', 'running', 'restarting', 'starting', 'running', 'stopping', 'exited'] as const) lifecycle.moveTo(move);
    expect([lifecycle.state, lifecycle.launched, lifecycle.ended]).toEqual(['exited', true, true]);
  });

  it('ends failed from a crash the policy does not restart, a launch that started no process, or a stop during the backoff', () => {
    expect(through('starting', 'running', 'failed').state).toBe('failed');
    expect(through('starting', 'failed').state).toBe('failed');
    expect(through('starting', 'running', 'restarting', 'failed').ended).toBe(true);
  });

  it('ends without being launched when skipped or stopped while waiting', () => {
    const lifecycle = through('exited');
    expect([lifecycle.ended, lifecycle.launched]).toEqual([true, false]);
  });

  it('is revived from either end by a requested restart', () => {
    expect(through('starting', 'running', 'exited', 'starting').state).toBe('starting');
    expect(through('starting', 'failed', 'starting').ended).toBe(false);
  });

  it('parks as stopped on a stop of the service alone (from its process or its backoff), then starts again or ends', () => {
    const parked = through('starting', 'running', 'stopping', 'stopped');
    expect([parked.state, parked.ended]).toEqual(['stopped', false]);
    expect(through('starting', 'running', 'restarting', 'stopped', 'starting').state).toBe('starting');
    expect(through('starting', 'running', 'stopping', 'stopped', 'exited').ended).toBe(true);
  });

  it.each([
    ['stopped', 'running', ['starting', 'running', 'stopping', 'stopped']],
    ['stopped', 'failed', ['starting', 'running', 'stopping', 'stopped']],
    ['waiting', 'running', []],
    ['waiting', 'restarting', []],
    ['waiting', 'failed', []],
    ['running', 'starting', ['starting', 'running']],
    ['stopping', 'starting', ['starting', 'stopping']],
    ['stopping', 'restarting', ['starting', 'stopping']],
    ['restarting', 'running', ['starting', 'running', 'restarting']],
    ['exited', 'stopping', ['exited']],
    ['failed', 'exited', ['starting', 'failed']],
  ] as const)('refuses %s → %s with a ServiceTransitionError and stays where it was', (from, to, moves) => {
    const lifecycle = through(...moves);
    expect(lifecycle.state).toBe(from);
    expect(lifecycle.canMoveTo(to)).toBe(false);
    expect(() => lifecycle.moveTo(to)).toThrow(new ServiceTransitionError('api', from, to));
    expect(() => lifecycle.moveTo(to)).toThrow(`api cannot go from ${from} to ${to}.`);
    expect(lifecycle.state).toBe(from);
  });

  it('never moves a state onto itself, and every move leads to a known state', () => {
    for (const from of states) {
      expect(serviceTransitions[from]).not.toContain(from);
      for (const to of serviceTransitions[from]) expect(states).toContain(to);
    }
  });
});
