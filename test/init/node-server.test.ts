// Reading a Node server's port and health path from its code or its compose file.
import { describe, expect, it } from 'vitest';
import { entryFile, healthPathInCode, hintsInCompose, portInCode, startScriptFile } from '../../src/init/node-server.js';

describe('node server hints', () => {
  it('finds the file a start script runs, else main, else index.js', () => {
    expect(startScriptFile('node server.js')).toBe('server.js');
    expect(startScriptFile('node --enable-source-maps ./src/main.mjs')).toBe('./src/main.mjs');
    expect(startScriptFile('nodemon server.js')).toBeUndefined();
    expect(entryFile({ scripts: { start: 'node app.js' }, main: 'x.js' })).toBe('app.js');
    expect(entryFile({ main: 'x.js' })).toBe('x.js');
    expect(entryFile({})).toBe('index.js');
  });

  it('reads the port from listen(), a PORT default or a port constant, and a health-like route', () => {
    expect(portInCode('const PORT = process.env.PORT || 4001;')).toBe(4001);
    expect(portInCode("const port = Number(process.env.PORT ?? '8080');")).toBe(8080);
    expect(portInCode('app.listen(3005)')).toBe(3005);
    expect(portInCode('server.listen(PORT)')).toBeNull();
    expect(portInCode('const port = 99999;')).toBeNull();
    expect(healthPathInCode("if (req.url === '/status')")).toBe('/status');
    expect(healthPathInCode('app.get("/api/health", h)')).toBe('/api/health');
    expect(healthPathInCode("app.get('/users')")).toBeNull();
  });

  it('reads the container port and the healthcheck path from a compose file', () => {
    const text =
      'services:\n  signaling:\n    ports:\n      - "4001:4001"\n    healthcheck:\n      test: ["CMD", "wget", "-qO-", "http://localhost:4001/status"]\n';
    expect(hintsInCompose(text)).toEqual({ port: 4001, health: '/status' });
    expect(hintsInCompose('services:\n  db:\n    image: postgres\n')).toEqual({ port: null, health: null });
    expect(hintsInCompose("    ports:\n      - '127.0.0.1:8081:80'\n")).toEqual({ port: 80, health: null });
  });
});
