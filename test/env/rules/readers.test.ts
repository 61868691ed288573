import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/check-text.js';

describe('env/reader-disagreement', () => {
  it('warns with what each reader gets and how to write it portably', () => {
    const [found] = findingsOf('reader-disagreement', 'A=foo#bar\n', '# A=\n');
    expect(found).toMatchObject({ status: 'warn', line: 1 });
    expect(found?.message).toBe('A is read differently: Flask (python-dotenv) gets "foo#bar", Vite (loadEnv) gets "foo", docker compose gets "foo#bar".');
    expect(found?.hint).toContain('A="a#b"');
  });

  it('describes a secret reading by its length only', () => {
    const [found] = findingsOf('reader-disagreement', 'DB_PASSWORD=pa$word\n', '# DB_PASSWORD=\n');
    expect(found?.message).toBe(
      'DB_PASSWORD is read differently: Flask (python-dotenv) gets a hidden 7-character value, Vite (loadEnv) gets a hidden 2-character value, docker compose gets a hidden 2-character value.',
    );
  });

  it('leaves lines Flask cannot parse to env/unparseable-line', () => {
    expect(findingsOf('reader-disagreement', 'A="x"y\n', '# A=\n')).toEqual([]);
  });
});
