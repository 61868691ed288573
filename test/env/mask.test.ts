import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSecretMasker, maskerForSecrets } from '../../src/env/mask.js';

/** Pieces of text around secrets and URL passwords, including every character the URL-password pattern looks at. */
const piece = fc.constantFrom(
  'a',
  'Z9',
  ' ',
  '\t',
  ':',
  '@',
  '/',
  '://',
  'https',
  'user',
  'pa55',
  '-',
  '.',
  '+',
  's3cret-value',
  'p@ss word',
  'p%40ss%20word',
  '€',
);
const line = fc.array(piece, { maxLength: 25 }).map((pieces) => pieces.join(''));
const masker = maskerForSecrets(['s3cret-value', 'p@ss word']);

describe('createSecretMasker', () => {
  const values = {
    JWT_SECRET_KEY: 'jwt-s3cret-value',
    DATABASE_URL: 'postgresql://tovplay:db-pa$$word@localhost:5432/tovplay',
    MARKED: 'marked-in-template',
    FLASK_ENV: 'development',
    SHORT_TOKEN: 'abc',
    VITE_LEAK: 'sk_live_0123456789abcdefgh',
  };
  const mask = createSecretMasker(values, ['MARKED']);

  it('masks values of secret keys (by template mark or by name) wherever they occur', () => {
    expect(mask('token=jwt-s3cret-value; also marked-in-template.')).toBe('token=***; also ***.');
    expect(mask('stripe sk_live_0123456789abcdefgh')).toBe('stripe ***');
  });

  it('masks the password inside DATABASE_URL, and any URL password in free text', () => {
    expect(mask('connecting to postgresql://tovplay:db-pa$$word@localhost:5432/tovplay')).toBe('connecting to ***');
    expect(mask('password db-pa$$word printed alone')).toBe('password *** printed alone');
    expect(mask('redis://default:other-pass@cache:6379/0')).toBe('redis://default:***@cache:6379/0');
  });

  it('masks percent-encoded and JSON-escaped spellings, and leaves other text alone', () => {
    const masker = maskerForSecrets(['p@ss "word"']);
    expect(masker('url p%40ss%20%22word%22 json "p@ss \\"word\\""')).toBe('url *** json "***"');
    expect(createSecretMasker(values, ['MARKED'], 'relay')('FLASK_ENV=development abc')).toBe('FLASK_ENV=development abc');
  });

  it("masks a URL password holding '@' whole: the user-info ends at the last '@' before the host", () => {
    const masker = maskerForSecrets([]);
    expect(masker('db postgresql://u:CANARY@CANARYtail@localhost:5432/db up')).toBe('db postgresql://u:***@localhost:5432/db up');
    // What describeDatabase makes of such a URL (it masks up to the first '@') is masked the rest of the way.
    expect(masker('postgresql://u:***@CANARYtail@localhost:5432/db')).toBe('postgresql://u:***@localhost:5432/db');
  });

  it('masks the trimmed spelling of a secret written with surrounding spaces (apps and dotenv readers trim)', () => {
    const masker = maskerForSecrets(['  CANARYspace  '], 'relay');
    expect(masker('token=CANARYspace.')).toBe('token=***.');
    expect(masker('quoted "  CANARYspace  "')).toBe('quoted "***"');
  });

  it('masks overlapping matches as one: no part of a secret is left where another secret or a URL password ran into it', () => {
    expect(maskerForSecrets([' Q', 'Q+QQQ'])('hint: Q+QQQ="..."')).toBe('hint:***="..."');
    expect(maskerForSecrets(['WXYZ', 'YZABCD'], 'relay')('WXYZABCD end')).toBe('*** end');
    expect(maskerForSecrets(['AB@CDEFG'], 'relay')('x://u:ZAB@CDEFG here')).toBe('x://u:*** here');
  });

  it('masks secrets of any size and number, past what one regular expression can hold (V8 refuses some 32,000 characters)', () => {
    const huge = `${'k'.repeat(900_000)}Z`;
    expect(maskerForSecrets([huge])(`SECRET_KEY=${huge}!`)).toBe('SECRET_KEY=***!');
    const many = Array.from({ length: 400 }, (_, index) => `${index}-${'v'.repeat(600)}-${index}`);
    const masked = maskerForSecrets(many, 'relay')(many.map((secret) => `<${secret}>`).join(' '));
    expect(masked).toBe(many.map(() => '<***>').join(' '));
    // A long secret searched as plain text and a short one compiled into a pattern overlap: masked as one.
    const long = `${'x'.repeat(1_500)}END`;
    expect(maskerForSecrets([long, 'ENDTAIL'])(`a ${long}TAIL b`)).toBe('a *** b');
    expect(maskerForSecrets([long])(`https://u:${long}@host`)).toBe('https://u:***@host');
  });

  it("masks short secrets in tovrun's own messages as words of their own, and never in relayed output", () => {
    const messages = maskerForSecrets(['abc', 'x', '!?']);
    expect(messages('PORT must be a port, found "abc".')).toBe('PORT must be a port, found "***".');
    expect(messages('abcdef and xylophone stay; abc x !? go')).toBe('abcdef and xylophone stay; *** *** *** go');
    expect(maskerForSecrets(['abc'], 'relay')('found "abc"')).toBe('found "abc"');
    // A value of only whitespace tells nothing, and masking it would hide every message's and log line's layout.
    expect(maskerForSecrets([' ', '    '])('a b    c')).toBe('a b    c');
  });

  it('is fast enough to run on every relayed log line', () => {
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`KEY_${index}`, `secret-value-number-${index}`]));
    const masker = createSecretMasker(many, []);
    const line = '2025-01-01 12:00:00 INFO werkzeug: 127.0.0.1 - - "GET /api/games?page=2 HTTP/1.1" 200 -';
    const started = performance.now();
    for (let index = 0; index < 100_000; index++) masker(line);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('masks lines joined by \\n exactly as it masks each line: no match crosses a newline', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        expect(masker(lines.join('\n'))).toBe(lines.map(masker).join('\n'));
      }),
      { numRuns: 1000 },
    );
    expect(mask('https://user:pass\nword@host https://user\n:word@host')).toBe('https://user:pass\nword@host https://user\n:word@host');
  });

  it('masks text without a URL, or without secrets, as the full pattern does', () => {
    // A line holding '://' and '@' after the text makes the masker use its full pattern on all of it.
    const urlTail = '\nx://@';
    const withoutSecrets = maskerForSecrets([]);
    fc.assert(
      fc.property(line, (text) => {
        expect(`${masker(text)}${urlTail}`).toBe(masker(`${text}${urlTail}`));
        expect(`${withoutSecrets(text)}${urlTail}`).toBe(withoutSecrets(`${text}${urlTail}`));
      }),
      { numRuns: 1000 },
    );
    expect(withoutSecrets('no secrets: https://u:pw@h and s3cret-value')).toBe('no secrets: https://u:***@h and s3cret-value');
  });
});
