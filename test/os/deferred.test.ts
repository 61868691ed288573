import { describe, expect, it } from 'vitest';
import { deferred } from '../../src/os/deferred.js';

describe('deferred', () => {
  it('is settled from outside, once: a later resolve or reject changes nothing', async () => {
    const answer = deferred<number>();
    answer.resolve(1);
    answer.resolve(2);
    answer.reject(new Error('late'));
    await expect(answer.promise).resolves.toBe(1);
  });

  it('rejects with the error given', async () => {
    const answer = deferred<void>();
    answer.reject(new Error('no connection'));
    await expect(answer.promise).rejects.toThrow('no connection');
  });

  it('stays pending until settled', async () => {
    const answer = deferred<string>();
    const seen: string[] = [];
    void answer.promise.then((value) => seen.push(value));
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual([]);
    answer.resolve('now');
    await answer.promise;
    expect(seen).toEqual(['now']);
  });
});
