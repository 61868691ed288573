import { describe, expect, it } from 'vitest';
import { hostLogFollower } from '../../src/compose/log-follower.js';
import type { OutputStream } from '../../src/os/launcher.js';

describe('hostLogFollower', () => {
  it('splits each stream into lines and passes on the last unterminated one when the follow ends', async () => {
    const lines: [OutputStream, string][] = [];
    const script = "process.stdout.write('one\\r\\ntw'); process.stderr.write('err\\n'); process.stdout.write('o\\nlast')";
    const follow = hostLogFollower()(process.execPath, ['-e', script], process.env, (stream, line) => lines.push([stream, line]));
    await follow.ended;
    expect(lines.filter(([stream]) => stream === 'stdout').map(([, line]) => line)).toEqual(['one', 'two', 'last']);
    expect(lines.filter(([stream]) => stream === 'stderr').map(([, line]) => line)).toEqual(['err']);
  });

  it('passes on output without newlines once it passes 1 MiB, instead of holding it all while the container runs', async () => {
    const lengths: number[] = [];
    const script = "process.stdout.write('x'.repeat(1536 * 1024)); setInterval(() => {}, 1000)";
    const follow = hostLogFollower()(process.execPath, ['-e', script], process.env, (_stream, line) => lengths.push(line.length));
    try {
      await expect.poll(() => lengths.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(lengths[0]).toBeGreaterThan(1024 * 1024);
    } finally {
      follow.stop();
      await follow.ended;
    }
  });
});
