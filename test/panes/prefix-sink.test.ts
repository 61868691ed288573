import { readFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { childColorEnv, createPrefixSink, logFilePath } from '../../src/panes/index.js';
import { tempDir } from '../supervisor/support.js';

function memoryDestination() {
  const writes: string[] = [];
  return { writes, write: (text: string) => void writes.push(text), text: () => writes.join('') };
}

describe('prefix sink', () => {
  it('labels every line with the padded service name and writes one burst at once', async () => {
    const destination = memoryDestination();
    const sink = createPrefixSink({ destination, services: ['backend', 'web'], color: false, stateDir: null });
    sink.line('web', 'stdout', 'GET /');
    sink.line('backend', 'stderr', 'warning');
    sink.notice('web', 'exited with code 1');
    await Promise.resolve();
    expect(destination.writes).toEqual(['web     | GET /\nbackend | warning\nweb     | [tovrun] exited with code 1\n']);
  });

  it('colours labels only when asked, with a stable colour per service', async () => {
    const plain = memoryDestination();
    const coloured = memoryDestination();
    createPrefixSink({ destination: plain, services: ['a'], color: false, stateDir: null }).line('a', 'stdout', 'x');
    const sink = createPrefixSink({ destination: coloured, services: ['a', 'b'], color: true, stateDir: null });
    sink.line('a', 'stdout', 'x');
    sink.line('b', 'stdout', 'y');
    await sink.close();
    expect(plain.text()).not.toContain('\u001b');
    expect(coloured.text()).toBe('\u001b[36ma |\u001b[39m x\n\u001b[35mb |\u001b[39m y\n');
  });

  it("removes a child's own colours when tovrun shows none, and keeps them when it does", async () => {
    const plain = memoryDestination();
    const coloured = memoryDestination();
    const red = '\u001b[31mWARNING\u001b[0m: dev server';
    createPrefixSink({ destination: plain, services: ['api'], color: false, stateDir: null }).line('api', 'stderr', red);
    const sink = createPrefixSink({ destination: coloured, services: ['api'], color: true, stateDir: null });
    sink.line('api', 'stderr', red);
    await sink.close();
    await Promise.resolve();
    expect(plain.text()).toBe('api | WARNING: dev server\n');
    expect(coloured.text()).toContain(red);
  });

  it('masks lines before printing and logging, and logs them without ANSI codes', async () => {
    const stateDir = tempDir();
    const destination = memoryDestination();
    const sink = createPrefixSink({ destination, services: ['api'], color: true, stateDir, mask: (line) => line.replaceAll('s3cret', '***') });
    sink.line('api', 'stdout', '\u001b[32mpassword=s3cret\u001b[39m');
    sink.notice('api', 'ready');
    await sink.close();
    expect(destination.text()).toContain('\u001b[32mpassword=***\u001b[39m\n');
    expect(destination.text()).not.toContain('s3cret');
    expect(readFileSync(logFilePath(stateDir, 'api'), 'utf8')).toBe('password=***\n[tovrun] ready\n');
  });

  it('in pane modes logs service lines without printing them, and still prints notices', async () => {
    const destination = memoryDestination();
    const stateDir = tempDir();
    const sink = createPrefixSink({ destination, services: ['api'], color: false, stateDir, showLines: false, mask: (line) => line.replace('s3cret', '***') });
    sink.line('api', 'stdout', 'token s3cret');
    sink.notice('api', 'started (pid 7)');
    await sink.close();
    expect(destination.text()).toBe('api | [tovrun] started (pid 7)\n');
    expect(readFileSync(logFilePath(stateDir, 'api'), 'utf8')).toBe('token ***\n[tovrun] started (pid 7)\n');
  });

  it('widens the labels for a service it was not told about', async () => {
    const destination = memoryDestination();
    const sink = createPrefixSink({ destination, services: ['a'], color: false, stateDir: null });
    sink.line('longer', 'stdout', '1');
    sink.line('a', 'stdout', '2');
    await sink.close();
    expect(destination.text()).toBe('longer | 1\na      | 2\n');
  });

  it('reports a full destination until it drains', () => {
    const emitter = new EventEmitter();
    const destination = { write: () => false, once: (event: 'drain', listener: () => void) => emitter.once(event, listener) };
    const sink = createPrefixSink({ destination, services: ['a'], color: false, stateDir: null });
    expect(sink.whenWritable()).toBeUndefined();
    sink.line('a', 'stdout', 'x');
    sink.flush();
    const waiting = sink.whenWritable();
    expect(waiting).toBeInstanceOf(Promise);
    emitter.emit('drain');
    expect(sink.whenWritable()).toBeUndefined();
    return waiting;
  });
});

describe('child colour environment', () => {
  it('forces colour for a colour terminal and forbids it otherwise', () => {
    expect(childColorEnv({ NO_COLOR: '1', PATH: '/bin' }, true)).toEqual({ FORCE_COLOR: '1', PATH: '/bin' });
    expect(childColorEnv({ FORCE_COLOR: '3', PATH: '/bin' }, false)).toEqual({ NO_COLOR: '1', PATH: '/bin' });
  });
});
