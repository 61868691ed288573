import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskerForSecrets } from '../../src/env/mask.js';
import type { LineMask } from '../../src/os/output-sink.js';
import { createPrefixSink, logFilePath, logsDir, previousLogFilePath } from '../../src/panes/index.js';
import { plainText } from '../../src/text/ansi.js';
import { BlockSplitter } from '../../src/text/line-splitter.js';
import { tempDir } from '../supervisor/support.js';
import { chunked, cuts, outputText, ReferenceLineSplitter, secrets } from './output-model.js';

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

  it('prints a line whose colour codes split a secret without its codes, masked; other lines keep their colours', async () => {
    const destination = memoryDestination();
    const sink = createPrefixSink({ destination, services: ['api'], color: true, stateDir: null, mask: maskerForSecrets(['CANARYxyz99'], 'relay') });
    sink.lines('api', 'stdout', '\u001b[31mCANA\u001b[0mRYxyz99 end\n\u001b[32mgreen\u001b[39m\nplain');
    await sink.close();
    expect(destination.text()).toBe(
      '\u001b[36mapi |\u001b[39m *** end\n\u001b[36mapi |\u001b[39m \u001b[32mgreen\u001b[39m\n\u001b[36mapi |\u001b[39m plain\n',
    );
  });

  it('masks a secret whose codes split it even where a shorter secret inside it matched the coloured text', async () => {
    const stateDir = tempDir();
    const destination = memoryDestination();
    const sink = createPrefixSink({ destination, services: ['api'], color: true, stateDir, mask: maskerForSecrets(['QXZJ', '1234QXZJ5678'], 'relay') });
    sink.lines('api', 'stdout', 'key=1234QXZJ\u001b[1m5678\u001b[22m');
    await sink.close();
    expect(plainText(destination.text())).toBe('api | key=***\n');
    expect(readFileSync(logFilePath(stateDir, 'api'), 'utf8')).toBe('key=***\n');
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

/** Output of two services, each cut into chunks, in some interleaving (a service's own chunks stay in order). */
const interleavedOutput = fc
  .record({ api: outputText, web: outputText, apiCuts: cuts, webCuts: cuts, order: fc.array(fc.boolean(), { maxLength: 30 }) })
  .map(({ api, web, apiCuts, webCuts, order }) => {
    const queues = { api: chunked(api, apiCuts), web: chunked(web, webCuts) };
    const events: [service: 'api' | 'web', chunk: string][] = [];
    for (const apiFirst of order) {
      const service = apiFirst ? 'api' : 'web';
      const chunk = queues[service].shift();
      if (chunk !== undefined) events.push([service, chunk]);
    }
    for (const service of ['api', 'web'] as const) for (const chunk of queues[service]) events.push([service, chunk]);
    return events;
  });

interface Relayed {
  printed: string;
  logs: Record<'api' | 'web', string>;
}

/** Relays events through a sink fed by a splitter per service: blocks (BlockSplitter, lines()) or lines (the old splitter, line()). */
async function relayed(events: [service: 'api' | 'web', chunk: string][], feed: 'blocks' | 'lines', color: boolean, mask: LineMask): Promise<Relayed> {
  const destination = memoryDestination();
  const stateDir = tempDir();
  const sink = createPrefixSink({ destination, services: ['api', 'web'], color, stateDir, mask });
  const splitter = (service: 'api' | 'web') =>
    feed === 'blocks'
      ? new BlockSplitter((block) => sink.lines(service, 'stdout', block))
      : new ReferenceLineSplitter((line) => sink.line(service, 'stdout', line));
  const splitters = { api: splitter('api'), web: splitter('web') };
  for (const [service, chunk] of events) splitters[service].push(chunk);
  splitters.api.flush();
  splitters.web.flush();
  await sink.close();
  return {
    printed: destination.text(),
    logs: { api: readFileSync(logFilePath(stateDir, 'api'), 'utf8'), web: readFileSync(logFilePath(stateDir, 'web'), 'utf8') },
  };
}

describe('prefix sink, a block of lines at a time', () => {
  const mask = maskerForSecrets(secrets);

  it('labels every line of a block, and logs the block as its lines', async () => {
    const destination = memoryDestination();
    const stateDir = tempDir();
    const sink = createPrefixSink({ destination, services: ['api', 'web'], color: false, stateDir });
    sink.lines('api', 'stdout', 'one\n\n\u001b[31mthree\u001b[0m');
    sink.lines('web', 'stderr', 'alone');
    await sink.close();
    expect(destination.text()).toBe('api | one\napi | \napi | three\nweb | alone\n');
    expect(readFileSync(logFilePath(stateDir, 'api'), 'utf8')).toBe('one\n\nthree\n');
  });

  it('prints and logs exactly what line-by-line relaying did, however the output is cut and interleaved', async () => {
    await fc.assert(
      fc.asyncProperty(interleavedOutput, fc.boolean(), async (events, color) => {
        expect(await relayed(events, 'blocks', color, mask)).toEqual(await relayed(events, 'lines', color, mask));
      }),
      { numRuns: 150 },
    );
  });

  it('never prints or logs a secret, even one split by colour codes', async () => {
    await fc.assert(
      fc.asyncProperty(interleavedOutput, fc.boolean(), async (events, color) => {
        const { printed, logs } = await relayed(events, 'blocks', color, mask);
        // What the terminal shows is the printed text without its codes.
        for (const text of [printed, plainText(printed), logs.api, logs.web]) {
          for (const secret of secrets) expect(text).not.toContain(secret);
          expect(text).not.toContain(':pa55word@');
        }
      }),
      { numRuns: 150 },
    );
  });

  it("starts each known service's log empty, keeping the last run's, and opens a log for a follower without wiping it", async () => {
    const stateDir = tempDir();
    mkdirSync(logsDir(stateDir), { recursive: true });
    writeFileSync(logFilePath(stateDir, 'db'), 'last run\n');
    const sink = createPrefixSink({ destination: memoryDestination(), services: ['db', 'api'], color: false, stateDir });
    expect(readFileSync(logFilePath(stateDir, 'db'), 'utf8')).toBe('');
    expect(readFileSync(logFilePath(stateDir, 'api'), 'utf8')).toBe('');
    sink.lines('db', 'stdout', 'accepting connections');
    sink.flush();
    sink.openLog('db');
    sink.openLog('cache');
    await sink.close();
    expect(readFileSync(logFilePath(stateDir, 'db'), 'utf8')).toBe('accepting connections\n');
    expect(readFileSync(previousLogFilePath(stateDir, 'db'), 'utf8')).toBe('last run\n');
    expect(readFileSync(logFilePath(stateDir, 'cache'), 'utf8')).toBe('');
  });

  it('reports full while a log file has more than its high-water mark waiting to be written', async () => {
    const stateDir = tempDir();
    const sink = createPrefixSink({
      destination: memoryDestination(),
      services: ['api'],
      color: false,
      stateDir,
      logLimits: { maxBytes: 1024 * 1024, highWaterMark: 16 },
    });
    sink.lines('api', 'stdout', 'x'.repeat(64));
    expect(sink.whenWritable()).toBeUndefined();
    sink.flush();
    const waiting = sink.whenWritable();
    expect(waiting).toBeInstanceOf(Promise);
    await waiting;
    expect(sink.whenWritable()).toBeUndefined();
    await sink.close();
  });
});
