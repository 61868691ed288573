/** Single readiness checks: one HTTP request, one TCP connect. */
import http from 'node:http';
import https from 'node:https';
import { acceptsConnection } from '../../os/port-check.js';

/** The answer of one check: ready, not yet, or (HTTP) "404 not found". */
export type CheckResult = 'ready' | 'not-ready' | 'not-found';

/** One GET of url: any status below 500 is ready, except 404 which is reported as not-found. */
export function checkHttp(url: string, timeoutMs: number): Promise<CheckResult> {
  return new Promise((resolve) => {
    const client = url.startsWith('https:') ? https : http;
    const request = client.get(url, { agent: false, timeout: timeoutMs, rejectUnauthorized: false }, (response) => {
      const status = response.statusCode ?? 0;
      response.resume();
      request.destroy();
      resolve(status === 404 ? 'not-found' : status > 0 && status < 500 ? 'ready' : 'not-ready');
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve('not-ready'));
  });
}

/** One connect to the port on 127.0.0.1, then ::1 (Vite may listen on ::1 only). */
export async function checkTcp(port: number, timeoutMs: number): Promise<CheckResult> {
  return (await acceptsConnection(port, timeoutMs)) ? 'ready' : 'not-ready';
}

/** The checks readiness uses, injectable for tests. */
export interface ProbeChecks {
  http(url: string, timeoutMs: number): Promise<CheckResult>;
  tcp(port: number, timeoutMs: number): Promise<CheckResult>;
}

/** The real network checks. */
export const networkChecks: ProbeChecks = { http: checkHttp, tcp: checkTcp };
