import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asRecord, parseJsonObject, readJsonRecord, removeJsonRecord, writeJsonRecord } from '../../src/files/json-state.js';

const parseCounter = (text: string): { count: number } | null => {
  const value = JSON.parse(text) as { count?: unknown };
  return typeof value.count === 'number' ? { count: value.count } : null;
};

describe('json-state', () => {
  it('parses JSON text to an object, and to null when it is broken, null, an array, a string or a number', () => {
    expect(parseJsonObject('{"a": [1]}')).toEqual({ a: [1] });
    for (const text of ['{', '', 'null', '[]', '[{"a": 1}]', '"text"', '3']) expect(parseJsonObject(text)).toBeNull();
    expect(asRecord(new Map())).toEqual(new Map());
    for (const value of [null, undefined, [], 'x', 1, true]) expect(asRecord(value)).toBeNull();
  });

  it('round-trips a record atomically, and reads null for a missing, foreign or broken file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tovrun-json-'));
    const file = path.join(dir, 'nested', 'record.json');
    expect(readJsonRecord(file, parseCounter)).toBeNull();
    writeJsonRecord(file, { count: 3 });
    expect(readJsonRecord(file, parseCounter)).toEqual({ count: 3 });
    expect(readdirSync(path.dirname(file))).toEqual(['record.json']);
    writeFileSync(file, '{"count":"three"}');
    expect(readJsonRecord(file, parseCounter)).toBeNull();
    removeJsonRecord(file);
    removeJsonRecord(file);
    expect(readdirSync(path.dirname(file))).toEqual([]);
  });

  it('reads null, at once, for a FIFO or a folder put in place of a record', { timeout: 5000 }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tovrun-json-'));
    execFileSync('mkfifo', [path.join(dir, 'state.json')]);
    expect(readJsonRecord(path.join(dir, 'state.json'), parseCounter)).toBeNull();
    expect(readJsonRecord(dir, parseCounter)).toBeNull();
  });
});
