// Showing names and keys safely: no control or invisible character ever printed raw, long names shortened.
import { describe, expect, it } from 'vitest';
import { caseCollision, keyPathText, quoteText, serviceNameProblem } from '../../src/workspace/service-name.js';

describe('quoteText', () => {
  it('JSON-quotes, escaping C0, DEL, C1 and direction or invisible formatting characters', () => {
    expect(quoteText('api')).toBe('"api"');
    expect(quoteText('a\u001b[2Jb\u007f\u009b\u202e\u200b\ufeff')).toBe('"a\\u001b[2Jb\\u007f\\u009b\\u202e\\u200b\\ufeff"');
  });

  it('shortens past the limit, counting characters (not UTF-16 units), and says how long the text was', () => {
    expect(quoteText('é'.repeat(50), 3)).toBe('"ééé…" (50 characters)');
    expect(quoteText('😀'.repeat(5), 2)).toBe('"😀😀…" (5 characters)');
  });
});

describe('keyPathText', () => {
  it('keeps plain segments and quotes the others', () => {
    expect(keyPathText(['services', 'api', 'command', 0])).toBe('services.api.command.0');
    expect(keyPathText(['services', 'a.b', '\u001b'])).toBe('services."a.b"."\\u001b"');
  });
});

describe('serviceNameProblem', () => {
  it('accepts compose-like names and refuses the rest', () => {
    for (const name of ['api', 'API-2', 'a.b_c-d', '0', 'x'.repeat(63)]) expect(serviceNameProblem(name), name).toBeNull();
    for (const name of ['', '-api', '.hidden', 'a/b', 'a b', 'a\u001b', 'é', 'x'.repeat(64), 'NUL', 'com1.x', 'api.previous'])
      expect(serviceNameProblem(name), name).not.toBeNull();
  });

  it('finds names equal but for case', () => {
    expect(caseCollision(['api', 'web', 'Api'])).toEqual(['api', 'Api']);
    expect(caseCollision(['api', 'web'])).toBeNull();
  });
});
