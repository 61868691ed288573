import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServiceLog } from '../../src/panes/service-log.js';
import { tempDir } from '../supervisor/support.js';

function paths(): { file: string; previous: string } {
  const dir = tempDir('tovrun-log-');
  return { file: path.join(dir, 'api.log'), previous: path.join(dir, 'api.previous.log') };
}

const roomy = { maxBytes: 1024 * 1024, highWaterMark: 1024 * 1024 };

describe('service log', () => {
  it("keeps the previous run's log, replacing an older one, and starts the file empty at once", async () => {
    const { file, previous } = paths();
    writeFileSync(file, 'last run\n');
    writeFileSync(previous, 'the run before\n');
    const log = new ServiceLog(file, previous, roomy);
    expect(readFileSync(file, 'utf8')).toBe('');
    expect(readFileSync(previous, 'utf8')).toBe('last run\n');
    log.append('this run\n');
    await log.close();
    expect(readFileSync(file, 'utf8')).toBe('this run\n');
  });

  it('leaves the previous log alone when the last run logged nothing', async () => {
    const { file, previous } = paths();
    writeFileSync(file, '');
    writeFileSync(previous, 'kept\n');
    await new ServiceLog(file, previous, roomy).close();
    expect(readFileSync(previous, 'utf8')).toBe('kept\n');
  });

  it('moves a file past the size cap to the previous log and goes on in a fresh one, losing no line of the last two', async () => {
    const { file, previous } = paths();
    const log = new ServiceLog(file, previous, { maxBytes: 100, highWaterMark: 1024 });
    const lines = Array.from({ length: 10 }, (_, index) => `line ${index} ${'x'.repeat(21)}\n`);
    for (const line of lines) {
      log.append(line);
      log.flush();
    }
    await log.close();
    // 30 bytes a line: a file is rotated once it holds 4 lines (120 bytes >= 100).
    expect(readFileSync(previous, 'utf8')).toBe(lines.slice(4, 8).join(''));
    expect(readFileSync(file, 'utf8')).toBe(lines.slice(8).join(''));
  });

  it('starts a fresh file when its log was deleted meanwhile', async () => {
    const { file, previous } = paths();
    const log = new ServiceLog(file, previous, { maxBytes: 10, highWaterMark: 1024 });
    rmSync(file);
    log.append('0123456789\n');
    log.flush();
    log.append('after\n');
    await log.close();
    expect(existsSync(previous)).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('after\n');
  });

  it('reports it is full while more than its high-water mark waits to be written, until that is written', async () => {
    const { file, previous } = paths();
    const log = new ServiceLog(file, previous, { maxBytes: 1024 * 1024, highWaterMark: 16 });
    expect(log.whenWritable()).toBeUndefined();
    log.append(`${'x'.repeat(64)}\n`);
    expect(log.whenWritable()).toBeUndefined();
    log.flush();
    const waiting = log.whenWritable();
    expect(waiting).toBeInstanceOf(Promise);
    expect(log.whenWritable()).toBe(waiting);
    await waiting;
    expect(log.whenWritable()).toBeUndefined();
    await log.close();
    expect(readFileSync(file, 'utf8')).toBe(`${'x'.repeat(64)}\n`);
  });
});
