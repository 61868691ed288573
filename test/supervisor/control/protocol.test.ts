import { describe, expect, it } from 'vitest';
import { messageId, parseControlRequest, parseControlResponse } from '../../../src/supervisor/control/protocol.js';

describe('control requests', () => {
  it('parses status, restart and stop', () => {
    expect(parseControlRequest('{"id":1,"type":"status"}')).toEqual({ value: { id: 1, type: 'status' } });
    expect(parseControlRequest('{"id":5,"type":"stop"}')).toEqual({ value: { id: 5, type: 'stop' } });
    expect(parseControlRequest('{"id":2,"type":"restart","service":"backend"}')).toEqual({ value: { id: 2, type: 'restart', service: 'backend' } });
  });

  it('parses a stop and a start of one service, each needing its name', () => {
    expect(parseControlRequest('{"id":6,"type":"stop-service","service":"db"}')).toEqual({ value: { id: 6, type: 'stop-service', service: 'db' } });
    expect(parseControlRequest('{"id":7,"type":"start-service","service":"db"}')).toEqual({ value: { id: 7, type: 'start-service', service: 'db' } });
    expect(parseControlRequest('{"id":8,"type":"stop-service"}')).toEqual({ error: 'a stop-service request needs a "service" name' });
    const stopped = { name: 'db', state: 'stopped', pid: null };
    expect(parseControlResponse(JSON.stringify({ id: 6, ok: true, stopped }))).toEqual({ value: { id: 6, ok: true, stopped } });
  });

  it('says what is wrong with anything else', () => {
    expect(parseControlRequest('status')).toEqual({ error: 'the request is not JSON' });
    expect(parseControlRequest('[1]')).toEqual({ error: 'the request is not a JSON object' });
    expect(parseControlRequest('{"type":"status"}')).toEqual({ error: 'the request has no integer "id"' });
    expect(parseControlRequest('{"id":3,"type":"restart"}')).toEqual({ error: 'a restart request needs a "service" name' });
    expect(parseControlRequest('{"id":4,"type":"kill"}')).toEqual({
      error: 'unknown request type "kill" (expected "status", "restart", "stop", "stop-service", "start-service", "logs", "errors" or "events")',
    });
    expect(messageId('{"id":4,"type":"kill"}')).toBe(4);
    expect(messageId('nonsense')).toBeNull();
  });
});

describe('control responses', () => {
  it('parses answers and failures', () => {
    const status = { pid: 1, root: '/w', panes: 'prefix', uptimeMs: 5, services: [] };
    expect(parseControlResponse(JSON.stringify({ id: 1, ok: true, status }))).toEqual({ value: { id: 1, ok: true, status } });
    const failure = { message: 'unknown service "x".', hint: 'Known services: a.', exitCode: 2 };
    expect(parseControlResponse('{"id":3,"ok":true,"stop":{"pid":4242}}')).toEqual({ value: { id: 3, ok: true, stop: { pid: 4242 } } });
    expect(parseControlResponse(JSON.stringify({ id: 2, ok: false, error: failure }))).toEqual({ value: { id: 2, ok: false, error: failure } });
    expect(parseControlResponse(JSON.stringify({ id: null, ok: false, error: { ...failure, hint: null } }))).toMatchObject({ value: { id: null } });
  });

  it('rejects what is not an answer', () => {
    expect(parseControlResponse('{"id":1,"ok":true}')).toEqual({
      error: 'the answer holds none of "status", "restart", "stopped", "stop", "logs", "errors" and "events"',
    });
    expect(parseControlResponse('{"id":1,"ok":true,"stop":{"pid":"7"}}')).toEqual({
      error: 'the answer holds none of "status", "restart", "stopped", "stop", "logs", "errors" and "events"',
    });
    expect(parseControlResponse('{"ok":false,"error":{"message":1}}')).toEqual({ error: 'the answer has no "ok" and "id"' });
    expect(parseControlResponse('}')).toEqual({ error: 'the answer is not JSON' });
  });
});
