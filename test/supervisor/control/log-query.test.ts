import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { LogBook } from '../../../src/supervisor/control/log-book.js';
import { logTextSource } from '../../../src/supervisor/control/log-file-source.js';
import { compileGrep, lastErrors, maxAnswerLines, maxErrorLines, queryLines } from '../../../src/supervisor/control/log-query.js';
import { maxKeptLineChars } from '../../../src/text/line-ring.js';

const all = { service: null, since: null, grep: null, lines: null };

/** A book whose clock the test moves. */
function book(capacity = 100): { book: LogBook; at(ms: number): void } {
  let now = 0;
  return { book: new LogBook(['api', 'web'], capacity, () => now), at: (ms) => void (now = ms) };
}

describe('log query', () => {
  it('merges services by time, filters by since and grep, and keeps the last n', () => {
    const { book: logs, at } = book();
    at(1_000);
    logs.add('api', 'stdout', 'GET /health 200\nGET /api/greeting 200');
    at(2_000);
    logs.add('web', 'stdout', 'GET / 200');
    at(3_000);
    logs.add('api', 'tovrun', 'restarting (requested with `tovrun restart`)');
    expect(queryLines(logs.sources(), all, 'live').lines.map((line) => `${line.service}:${line.text}`)).toEqual([
      'api:GET /health 200',
      'api:GET /api/greeting 200',
      'web:GET / 200',
      'api:restarting (requested with `tovrun restart`)',
    ]);
    const found = queryLines(logs.sources(), { ...all, grep: '^GET / ', since: 1_500 }, 'live');
    expect(found).toEqual({ source: 'live', matched: 1, lines: [{ service: 'web', time: '1970-01-01T00:00:02.000Z', stream: 'stdout', text: 'GET / 200' }] });
    expect(queryLines(logs.sources(), { ...all, service: 'api', lines: 1 }, 'live')).toMatchObject({ matched: 3, lines: [{ stream: 'tovrun' }] });
    expect(queryLines(logs.sources(), { ...all, lines: 0 }, 'live')).toMatchObject({ matched: 4, lines: [] });
  });

  it('bounds an answer to maxAnswerLines, and each kept line to maxKeptLineChars', () => {
    const { book: logs } = book(maxAnswerLines + 10);
    logs.add('api', 'stdout', Array.from({ length: maxAnswerLines + 5 }, (_, index) => `line ${index}`).join('\n'));
    logs.add('web', 'stdout', 'x'.repeat(maxKeptLineChars + 10));
    const answer = queryLines(logs.sources(), { ...all, service: 'api' }, 'live');
    expect(answer.matched).toBe(maxAnswerLines + 5);
    expect(answer.lines).toHaveLength(maxAnswerLines);
    expect(answer.lines.at(-1)?.text).toBe(`line ${maxAnswerLines + 4}`);
    expect(queryLines(logs.sources(), { ...all, service: 'web' }, 'live').lines[0]?.text).toHaveLength(maxKeptLineChars + 1);
  });

  it('keeps the newest lines when a service prints more than its ring holds', () => {
    const { book: logs } = book(3);
    logs.add('api', 'stdout', 'a\nb\nc\nd\ne');
    expect(queryLines(logs.sources(), { ...all, service: 'api' }, 'live').lines.map((line) => line.text)).toEqual(['c', 'd', 'e']);
  });

  it('refuses a grep that is no regular expression with a usage error naming it', () => {
    expect(() => compileGrep('(unclosed')).toThrow(UsageError);
    expect(() => compileGrep('(unclosed')).toThrow('--grep "(unclosed" is not a valid regular expression');
  });

  it("finds each service's last error block, ring or log file alike, its end kept when it is too long", () => {
    const { book: logs } = book();
    logs.add('api', 'stderr', 'Traceback (most recent call last):\n  File "app.py", line 9, in boom\nRuntimeError: boom');
    logs.add('api', 'stdout', '127.0.0.1 - - "GET /api/boom HTTP/1.1" 500 -');
    logs.add('web', 'tovrun', 'is not ready: it did not answer on http://localhost:3000/ within 30 s');
    expect(lastErrors(logs.sources()).map((error) => [error.service, error.lines.map((line) => line.text), error.omitted])).toEqual([
      ['api', ['Traceback (most recent call last):', '  File "app.py", line 9, in boom', 'RuntimeError: boom'], 0],
      ['web', ['is not ready: it did not answer on http://localhost:3000/ within 30 s'], 0],
    ]);
    const frames = Array.from({ length: maxErrorLines + 20 }, (_, index) => `  File "f${index}.py", line 1`);
    const file = logTextSource(
      'api',
      ['ok', 'Traceback (most recent call last):', ...frames, 'ValueError: deep', '[tovrun] exited with code 1', ''].join('\n'),
    );
    const [failure] = lastErrors([file]);
    expect(failure?.lines).toEqual([{ service: 'api', time: null, stream: 'tovrun', text: 'exited with code 1' }]);
    const withoutNotice = logTextSource('api', ['Traceback (most recent call last):', ...frames, 'ValueError: deep'].join('\n'));
    const [deep] = lastErrors([withoutNotice]);
    expect(deep?.lines).toHaveLength(maxErrorLines);
    expect(deep?.omitted).toBe(22);
    expect(deep?.lines.at(-1)).toEqual({ service: 'api', time: null, stream: null, text: 'ValueError: deep' });
  });

  it('reads an empty log file as no lines', () => {
    expect(queryLines([logTextSource('api', '')], all, 'files')).toEqual({ source: 'files', matched: 0, lines: [] });
  });
});
