import { describe, expect, it } from 'vitest';
import type { ServiceOutputSink } from '../../../src/os/output-sink.js';
import { LogBook } from '../../../src/supervisor/control/log-book.js';
import { queryLines } from '../../../src/supervisor/control/log-query.js';
import { recordingSink } from '../../../src/supervisor/control/recording-sink.js';

describe('recording sink', () => {
  it('passes everything on unchanged, and keeps it masked and without colour codes, as the log file gets it', async () => {
    const passed: string[] = [];
    const inner: ServiceOutputSink & { flush(): void } = {
      lines: (service, stream, block) => void passed.push(`${service}/${stream}: ${block}`),
      line: (service, stream, text) => void passed.push(`${service}/${stream}: ${text}`),
      notice: (service, text) => void passed.push(`${service}/notice: ${text}`),
      whenWritable: () => undefined,
      close: async () => void passed.push('closed'),
      flush: () => void passed.push('flushed'),
    };
    const book = new LogBook([], 10, () => 0);
    const sink = recordingSink(inner, book, (text) => text.replaceAll('hunter2', '***'));
    // A colour code inside the secret hides it from a mask of the coloured text.
    sink.lines('api', 'stdout', 'password hun\u001b[1mter2\u001b[0m\nok');
    sink.line('api', 'stderr', 'boom hunter2');
    sink.notice('api', 'could not start: hunter2');
    sink.flush();
    await sink.close();
    expect(passed).toEqual([
      'api/stdout: password hun\u001b[1mter2\u001b[0m\nok',
      'api/stderr: boom hunter2',
      'api/notice: could not start: hunter2',
      'flushed',
      'closed',
    ]);
    expect(queryLines(book.sources(), { service: null, since: null, grep: null, lines: null }, 'live').lines.map((line) => [line.stream, line.text])).toEqual([
      ['stdout', 'password ***'],
      ['stdout', 'ok'],
      ['stderr', 'boom ***'],
      ['tovrun', 'could not start: ***'],
    ]);
  });
});
