/**
 * The control protocol: requests `tovrun status`, `restart`, `stop <service>`, `start <service>`, `down`, `logs --json`,
 * `logs --errors` and `events` send, and the running tovrun's answers (and, after an events request, its event lines).
 */
import { asRecord, parseJson } from '../../files/json-state.js';
import type { RestartReport, RunStatus, ServiceStatus } from '../service-status.js';
import type { EventLine } from './event-line.js';
import type { LogAnswer, LogQuery, ServiceError } from './log-query.js';

/** A request to the running tovrun. */
export type ControlRequest =
  | { id: number; type: 'status' }
  | { id: number; type: 'stop' }
  | { id: number; type: 'errors' }
  | { id: number; type: 'events' }
  | { id: number; type: ServiceRequestType; service: string }
  | { id: number; type: 'logs'; query: LogQuery };

/** The requests about one service: restart it, stop it alone (`tovrun stop <service>`), start it again (`tovrun start <service>`). */
export type ServiceRequestType = 'restart' | 'stop-service' | 'start-service';
const serviceRequestTypes: readonly string[] = ['restart', 'stop-service', 'start-service'] satisfies ServiceRequestType[];

/** The answer to a stop request: the running tovrun's pid, which has begun to stop (it exits once everything stopped). */
export interface StopAccepted {
  pid: number;
}

/** Why a request failed: the message and hint of the typed error, and the exit code the client should end with. */
export interface ControlFailure {
  message: string;
  hint: string | null;
  exitCode: number;
}

/** The running tovrun's answer to one request. */
export type ControlResponse =
  | { id: number; ok: true; status: RunStatus }
  | { id: number; ok: true; restart: RestartReport }
  | { id: number; ok: true; stopped: ServiceStatus }
  | { id: number; ok: true; stop: StopAccepted }
  | { id: number; ok: true; logs: LogAnswer }
  | { id: number; ok: true; errors: ServiceError[] }
  | { id: number; ok: true; events: 'subscribed' }
  | { id: number | null; ok: false; error: ControlFailure };

/** What a running tovrun answers before its services are handed to the control server (it is still preparing them). */
export const stillStartingMessage = 'tovrun is still starting its services.';

/** A parsed line: the value, or why it is not one. */
export type Parsed<T> = { value: T } | { error: string };

function jsonObject(line: string): Record<string, unknown> | string {
  const value = parseJson(line);
  return value === undefined ? 'not JSON' : (asRecord(value) ?? 'not a JSON object');
}

/** The id of a raw message, when it has a usable one (so even a bad request gets an answer it can match). */
export function messageId(line: string): number | null {
  const object = jsonObject(line);
  return typeof object === 'object' && Number.isInteger(object.id) ? (object.id as number) : null;
}

/** Parses one request line: {"id":1,"type":"status"}, {"id":2,"type":"restart","service":"backend"} (or "stop-service", "start-service") or {"id":3,"type":"stop"}. */
export function parseControlRequest(line: string): Parsed<ControlRequest> {
  const object = jsonObject(line);
  if (typeof object === 'string') return { error: `the request is ${object}` };
  const { id, type } = object;
  if (!Number.isInteger(id)) return { error: 'the request has no integer "id"' };
  if (type === 'status' || type === 'stop' || type === 'errors' || type === 'events') return { value: { id: id as number, type } as ControlRequest };
  if (type === 'logs') {
    const query = parseLogQuery(object.query);
    return typeof query === 'string' ? { error: query } : { value: { id: id as number, type, query } };
  }
  if (typeof type === 'string' && serviceRequestTypes.includes(type)) {
    if (typeof object.service !== 'string' || object.service === '') return { error: `a ${type} request needs a "service" name` };
    return { value: { id: id as number, type: type as ServiceRequestType, service: object.service } };
  }
  return {
    error: `unknown request type ${JSON.stringify(type)} (expected "status", "restart", "stop", "stop-service", "start-service", "logs", "errors" or "events")`,
  };
}

function isFailure(value: unknown): value is ControlFailure {
  if (typeof value !== 'object' || value === null) return false;
  const failure = value as Record<string, unknown>;
  return typeof failure.message === 'string' && (failure.hint === null || typeof failure.hint === 'string') && Number.isInteger(failure.exitCode);
}

const nullable = (value: unknown, type: 'string' | 'number') => value === null || value === undefined || typeof value === type;

/** A logs request's query, or why it is not one: service, grep (strings), since (ms), lines (a count ≥ 0), each null when not given. */
function parseLogQuery(value: unknown): LogQuery | string {
  const query = asRecord(value);
  if (!query) return 'a logs request needs a "query" object';
  const { service, since, grep, lines } = query;
  if (!nullable(service, 'string') || !nullable(grep, 'string') || !nullable(since, 'number'))
    return 'a logs query has service and grep strings and a since number';
  if (!(lines === null || lines === undefined || (Number.isSafeInteger(lines) && (lines as number) >= 0))) return 'a logs query\'s "lines" is a count';
  const or = <T>(each: unknown) => (each ?? null) as T | null;
  return { service: or<string>(service), since: or<number>(since), grep: or<string>(grep), lines: or<number>(lines) };
}

/** Parses one response line; the status, restart, logs and errors bodies are trusted (the same tovrun wrote them). */
export function parseControlResponse(line: string): Parsed<ControlResponse> {
  const object = jsonObject(line);
  if (typeof object === 'string') return { error: `the answer is ${object}` };
  const id = object.id;
  if (object.ok === false && isFailure(object.error)) return { value: { id: Number.isInteger(id) ? (id as number) : null, ok: false, error: object.error } };
  if (object.ok !== true || !Number.isInteger(id)) return { error: 'the answer has no "ok" and "id"' };
  if (typeof object.status === 'object' && object.status !== null) return { value: { id: id as number, ok: true, status: object.status as RunStatus } };
  if (typeof object.restart === 'object' && object.restart !== null) return { value: { id: id as number, ok: true, restart: object.restart as RestartReport } };
  if (typeof object.stopped === 'object' && object.stopped !== null) return { value: { id: id as number, ok: true, stopped: object.stopped as ServiceStatus } };
  if (asRecord(object.logs)) return { value: { id: id as number, ok: true, logs: object.logs as LogAnswer } };
  if (Array.isArray(object.errors)) return { value: { id: id as number, ok: true, errors: object.errors as ServiceError[] } };
  if (object.events === 'subscribed') return { value: { id: id as number, ok: true, events: 'subscribed' } };
  const stop = asRecord(object.stop);
  if (stop && Number.isSafeInteger(stop.pid)) return { value: { id: id as number, ok: true, stop: { pid: stop.pid as number } } };
  return { error: 'the answer holds none of "status", "restart", "stopped", "stop", "logs", "errors" and "events"' };
}

/** Parses a line the running tovrun sends after an events request: {"event": {...}}; null for anything else. */
export function parseEventMessage(line: string): EventLine | null {
  const object = jsonObject(line);
  if (typeof object === 'string') return null;
  const event = asRecord(object.event);
  return event && typeof event.type === 'string' && typeof event.service === 'string' ? (event as unknown as EventLine) : null;
}
