import { describe, expect, it } from 'vitest';
import { isPortKey, loopbackHostPorts, shiftedValues, shiftValue } from '../../src/workspace/instance-ports.js';

const moved = new Set([5001, 3000, 5432]);

describe('the ports an instance moves in values', () => {
  it('shifts port keys and loopback host:ports on moved ports, and nothing else', () => {
    expect(shiftValue('BACKEND_PORT', '5001', moved, 1)).toBe('5011');
    expect(shiftValue('PORT', ' 3000 ', moved, 2)).toBe('3020');
    // Not a port key: a number that happens to equal a port stays.
    expect(shiftValue('REQUEST_TIMEOUT_MS', '3000', moved, 1)).toBe('3000');
    // A port nobody moves stays.
    expect(shiftValue('REDIS_PORT', '6379', moved, 1)).toBe('6379');
    expect(shiftValue('DATABASE_URL', 'postgresql://u:p@localhost:5432/db', moved, 1)).toBe('postgresql://u:p@localhost:5442/db');
    expect(shiftValue('CORS_ORIGINS', 'http://localhost:3000,http://127.0.0.1:3000,https://app.example.com:3000', moved, 1)).toBe(
      'http://localhost:3010,http://127.0.0.1:3010,https://app.example.com:3000',
    );
    expect(shiftValue('API', 'http://[::1]:5001/api', moved, 3)).toBe('http://[::1]:5031/api');
    expect(shiftValue('API', 'http://mylocalhost:5001/', moved, 1)).toBe('http://mylocalhost:5001/');
    expect(shiftValue('API', 'http://localhost:50011/', moved, 1)).toBe('http://localhost:50011/');
    expect(shiftValue('BACKEND_PORT', '5001', moved, 0)).toBe('5001');
  });

  it('returns only the values it changed', () => {
    const values = { BACKEND_PORT: '5001', DEMO_GREETING_NAME: 'developer', DATABASE_URL: 'postgresql://db.example.com:5432/x', UNSET: undefined };
    expect(shiftedValues(values, moved, 1)).toEqual({ BACKEND_PORT: '5011' });
    expect(shiftedValues(values, moved, 0)).toEqual({});
  });

  it('knows port keys by name and finds loopback host:ports with their place', () => {
    expect(['PORT', 'BACKEND_PORT', 'vite_port'].every(isPortKey)).toBe(true);
    expect(['PORTS', 'SUPPORT', 'PORT_RANGE'].some(isPortKey)).toBe(false);
    expect(loopbackHostPorts("target: 'http://localhost:5001',\n  other: 0.0.0.0:80")).toEqual([
      { text: 'localhost:5001', port: 5001, index: 16 },
      { text: '0.0.0.0:80', port: 80, index: 42 },
    ]);
  });
});
