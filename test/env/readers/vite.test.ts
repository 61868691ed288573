// tovrun's model of Vite's loadEnv, against real Vite and against the published dotenv-expand it does not use (see the
// comment at the top of src/env/readers/vite.ts): Vite patches dotenv-expand so that a reference sees keys below it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { expand } from 'dotenv-expand';
import { loadEnv } from 'vite';
import { describe, expect, it } from 'vitest';
import { readAsVite } from '../../../src/env/readers/vite.js';

/** What real Vite's loadEnv gives for a .env holding text (only TVR_ keys). */
function realVite(text: string): Record<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tovrun-vite-'));
  writeFileSync(path.join(dir, '.env'), text);
  return loadEnv('development', dir, 'TVR_');
}

/** What the published dotenv-expand makes of the same parse, with an empty process environment. */
function publishedDotenvExpand(text: string): Record<string, string> {
  const parsed = Object.fromEntries(Object.entries(parseEnv(text)).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return expand({ parsed, processEnv: {} }).parsed ?? {};
}

describe('readAsVite', () => {
  it('expands a reference to a key below it as Vite does, where the published dotenv-expand 13 gives ""', () => {
    const text = 'TVR_A=${TVR_B}\nTVR_B=x\nTVR_C=$TVR_A-$TVR_B\n';
    const model = Object.fromEntries(readAsVite(text).values);
    expect(model).toEqual({ TVR_A: 'x', TVR_B: 'x', TVR_C: 'x-x' });
    expect(model).toEqual(realVite(text));
    expect(publishedDotenvExpand(text)).toEqual({ TVR_A: '', TVR_B: 'x', TVR_C: '-x' });
  });

  it('agrees with the published dotenv-expand when every reference points above it', () => {
    const text = 'TVR_A=x\nTVR_B=${TVR_A}y\nTVR_C=${TVR_MISSING:-fallback}\nTVR_D=\\$TVR_A\nTVR_E=${TVR_A:+set}\n';
    expect(Object.fromEntries(readAsVite(text).values)).toEqual(publishedDotenvExpand(text));
    expect(Object.fromEntries(readAsVite(text).values)).toEqual(realVite(text));
  });
});
