import { describe, expect, it } from 'vitest';
import { compareVersions, formatVersion, parseVersion, sameMinor } from '../../src/text/version.js';

describe('versions', () => {
  it('parses versions out of tool output', () => {
    expect(parseVersion('Python 3.11.7')).toEqual([3, 11, 7]);
    expect(parseVersion('v20.19.0')).toEqual([20, 19, 0]);
    expect(parseVersion('none')).toBeUndefined();
    expect(parseVersion('3')).toEqual([3]);
  });

  it('takes only a dotted number when asked, as compose providers need (their chatter may hold a lone number first)', () => {
    expect(parseVersion('Docker Compose version v2.24.6-desktop.1', { dotted: true })).toEqual([2, 24, 6]);
    const podman =
      '>>>> Executing external compose provider. Please see podman-compose(1) for how to disable this message. <<<<\nDocker Compose version v2.27.0';
    expect(parseVersion(podman, { dotted: true })).toEqual([2, 27, 0]);
    expect(parseVersion(podman)).toEqual([1]);
    expect(parseVersion('version 3', { dotted: true })).toBeUndefined();
  });

  it('compares numerically, missing parts counting as zero', () => {
    expect(compareVersions([3, 9], [3, 10])).toBeLessThan(0);
    expect(compareVersions([3, 10, 0], [3, 10])).toBe(0);
    expect(compareVersions([3, 12, 1], [3, 10])).toBeGreaterThan(0);
  });

  it('tells whether two versions share major and minor', () => {
    expect(sameMinor([3, 11, 2], [3, 11, 9])).toBe(true);
    expect(sameMinor([3, 11], [3, 12])).toBe(false);
    expect(formatVersion([3, 11, 7])).toBe('3.11.7');
  });
});
