import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createPrefixSink, logFilePath } from '../../src/panes/index.js';
import { Supervisor } from '../../src/supervisor/index.js';
import { nodeLaunch, tempDir } from './support.js';

const running: Supervisor[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((each) => each.forceStop()));
});

/** A destination that accepts little at a time and drains late, so backpressure is exercised. */
function slowDestination(): { stream: Writable; text: () => string; maxBuffered: () => number } {
  const chunks: string[] = [];
  let maxBuffered = 0;
  const stream = new Writable({
    highWaterMark: 16 * 1024,
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      chunks.push(chunk);
      maxBuffered = Math.max(maxBuffered, stream.writableLength);
      setTimeout(done, 2);
    },
  });
  return { stream, text: () => chunks.join(''), maxBuffered: () => maxBuffered };
}

async function relay(services: ReturnType<typeof nodeLaunch>[]): Promise<{ text: string; stateDir: string; maxBuffered: number }> {
  const stateDir = tempDir();
  const destination = slowDestination();
  const sink = createPrefixSink({ destination: destination.stream, services: services.map((s) => s.name), color: false, stateDir });
  const supervisor = new Supervisor({ stateDir, shutdownTimeoutMs: 1_000, sink });
  running.push(supervisor);
  supervisor.start(services);
  await supervisor.finished;
  await sink.close();
  await new Promise<void>((resolve) => destination.stream.end(resolve));
  return { text: destination.text(), stateDir, maxBuffered: destination.maxBuffered() };
}

function serviceLines(text: string, label: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith(label) && !line.startsWith(`${label}[tovrun]`))
    .map((line) => line.slice(label.length));
}

describe('relaying service output', () => {
  it('delivers 100,000 lines from each of two services complete and in per-service order', { timeout: 60_000 }, async () => {
    const count = 100_000;
    const { text, stateDir, maxBuffered } = await relay([
      nodeLaunch('alpha', 'print-lines.js', [String(count), 'a']),
      nodeLaunch('beta', 'print-lines.js', [String(count), 'b', 'each']),
    ]);
    const expected = (label: string) => Array.from({ length: count }, (_, i) => `${label} ${i}`);
    expect(serviceLines(text, 'alpha | ')).toEqual(expected('a'));
    expect(serviceLines(text, 'beta  | ')).toEqual(expected('b'));
    // The output is megabytes; holding no more than a few chunks shows the children were paused while the destination was full.
    expect(maxBuffered).toBeLessThan(512 * 1024);
    const logged = readFileSync(logFilePath(stateDir, 'beta'), 'utf8').split('\n');
    expect(logged.filter((line) => line.startsWith('b '))).toEqual(expected('b'));
  });

  it('keeps partial lines apart from other services and flushes an unterminated last line at exit', async () => {
    const { text } = await relay([nodeLaunch('part', 'partial-line.js', ['p']), nodeLaunch('full', 'print-lines.js', ['3', 'f'])]);
    const lines = text.split('\n').filter((line) => !line.includes('[tovrun]'));
    expect(lines).toContain('part | p-start-end');
    expect(lines).toContain('part | p-tail');
    expect(lines.filter((line) => line.startsWith('full | '))).toEqual(['full | f 0', 'full | f 1', 'full | f 2']);
    expect(lines.indexOf('full | f 0')).toBeLessThan(lines.indexOf('part | p-start-end'));
  });

  it('shows stderr lines as well as stdout', async () => {
    const { text } = await relay([nodeLaunch('err', 'crash.js', ['0'], { args: ['-e', 'console.error("to stderr"); console.log("to stdout")'] })]);
    expect(text).toContain('err | to stderr\n');
    expect(text).toContain('err | to stdout\n');
  });
});
