import { describe, expect, it } from 'vitest';
import { describeValueType, inferValueType, matchesValueType, parseValueType, type ValueType } from '../../src/env/value-types.js';

describe('value types', () => {
  it.each<[ValueType, string[], string[]]>([
    [{ kind: 'int' }, ['0', '-3', '42'], ['4.2', 'x', '']],
    [{ kind: 'port' }, ['1', '5001', '65535'], ['0', '65536', '50o1', '-1']],
    [{ kind: 'bool' }, ['true', 'False', '1', '0', 'yes', 'off'], ['maybe', '2']],
    [{ kind: 'url' }, ['http://localhost:3000', 'postgresql://u:p@h:5432/d', 'memory://'], ['localhost:3000', 'http://', 'not a url']],
    [{ kind: 'email' }, ['a@example.com'], ['a@b', 'a b@c.d', 'noreply']],
    [{ kind: 'enum', values: ['development', 'production'] }, ['development'], ['Development', 'prod']],
  ])('%j accepts %j and rejects %j', (type, good, bad) => {
    for (const value of good) expect(matchesValueType(value, type), value).toBe(true);
    for (const value of bad) expect(matchesValueType(value, type), value).toBe(false);
  });

  it('parses @type values and rejects unknown ones', () => {
    expect(parseValueType('port')).toEqual({ kind: 'port' });
    expect(parseValueType('enum(a|b|c)')).toEqual({ kind: 'enum', values: ['a', 'b', 'c'] });
    expect(parseValueType('enum(a||b)')).toBeNull();
    expect(parseValueType('float')).toBeNull();
  });

  it('infers types from examples and describes them in words', () => {
    expect(inferValueType('GRAFANA_PORT', '3001')).toEqual({ kind: 'port' });
    expect(inferValueType('WORKERS', '3001')).toEqual({ kind: 'int' });
    expect(inferValueType('X', '')).toEqual({ kind: 'string' });
    expect(describeValueType({ kind: 'enum', values: ['a', 'b'] })).toBe('one of a, b');
  });
});
