// The reader-disagreement table is measured: tovrun's models of Flask and Vite must match the real programs on every fixture line.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { checkEnv } from '../../../src/env/check.js';
import { findReaderDisagreements } from '../../../src/env/disagreements.js';
import { parseEnv } from '../../../src/env/parse.js';
import { resolvePythonDotenv } from '../../../src/env/readers/flask.js';
import { type Reading, readWithAllReaders } from '../../../src/env/readers/readings.js';
import { readAsVite } from '../../../src/env/readers/vite.js';
import { pythonDotenvValues, readerFixtureNames, readerFixtures, viteLoadEnvValues } from '../support/real-readers.js';

const names = readerFixtureNames();
let realPython: Record<string, Record<string, string | null>> = {};

function text(name: string): string {
  return readFileSync(path.join(readerFixtures, name), 'utf8');
}

function asReading(value: string | null | undefined): Reading {
  return value === undefined || value === null ? { kind: 'nothing' } : { kind: 'value', value };
}

function stated(label: string, value: string | null | undefined): string {
  return value === undefined || value === null ? `${label} gets nothing` : `${label} gets ${JSON.stringify(value)}`;
}

beforeAll(() => {
  realPython = pythonDotenvValues(
    inject('sharedVenv'),
    names.map((name) => path.join(readerFixtures, name)),
  );
});

describe.each(names)('reader fixture %s', (name) => {
  const file = path.join(readerFixtures, name);

  it("tovrun's python-dotenv model returns exactly what the real dotenv_values() returns", () => {
    expect(Object.fromEntries(resolvePythonDotenv(parseEnv(text(name))))).toEqual(realPython[file]);
  });

  it("tovrun's Vite model returns exactly what Vite's real loadEnv() returns", () => {
    const model = Object.fromEntries([...readAsVite(text(name), process.env).values].filter(([key]) => key.includes('TVR_')));
    expect(model).toEqual(viteLoadEnvValues(file));
  });

  it('every disagreement states what Flask and Vite really get, in its finding too', () => {
    const source = text(name);
    const parsed = parseEnv(source);
    const python = realPython[file] ?? {};
    const vite = viteLoadEnvValues(file);
    const disagreements = findReaderDisagreements(parsed, readWithAllReaders(source, parsed));
    const { findings } = checkEnv({ envText: source, templateText: '', templatePath: '/t', files: { env: '.env', template: '.env.template', root: '/' } });
    for (const item of disagreements) {
      expect(item.readings.flask, `${item.key}: Flask`).toEqual(asReading(python[item.key]));
      expect(item.readings.vite, `${item.key}: Vite`).toEqual(asReading(vite[item.key]));
      const message = findings.find((found) => found.line === item.line && /reader-disagreement|unparseable-line|encoding/.test(found.id))?.message ?? '';
      if (!message.includes('cannot parse')) expect(message).toContain(stated('Flask (python-dotenv)', python[item.key]));
      expect(message).toContain(stated('Vite (loadEnv)', vite[item.key]));
    }
  });
});
