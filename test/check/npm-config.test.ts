import { describe, expect, it } from 'vitest';
import { binLinksOff, devDroppingSettings, environmentNpmSettings, npmrcFiles, parseNpmrc } from '../../src/check/npm-config.js';
import { platformFor } from '../../src/platform/platform.js';

const linux = platformFor('linux');
const windows = platformFor('win32');

describe('npmrcFiles', () => {
  const base = { packageDir: '/ws/frontend', root: '/ws', homeDir: '/home/me', nodePath: '/usr/local/bin/node' };

  it('reads the project (package and root), user and global files, the global one under the prefix above node', () => {
    expect(npmrcFiles({ ...base, env: {}, platform: linux })).toEqual(['/ws/frontend/.npmrc', '/ws/.npmrc', '/home/me/.npmrc', '/usr/local/etc/npmrc']);
  });

  it('honours NPM_CONFIG_USERCONFIG, PREFIX and npm_config_globalconfig', () => {
    expect(npmrcFiles({ ...base, env: { NPM_CONFIG_USERCONFIG: '/cfg/user.npmrc', PREFIX: '/opt/npm' }, platform: linux }).slice(2)).toEqual([
      '/cfg/user.npmrc',
      '/opt/npm/etc/npmrc',
    ]);
    expect(npmrcFiles({ ...base, env: { npm_config_globalconfig: '/etc/npmrc' }, platform: linux })[3]).toBe('/etc/npmrc');
  });

  it('on Windows takes the global prefix beside node.exe and matches variables in any case', () => {
    const files = npmrcFiles({
      packageDir: 'C:\\ws\\frontend',
      root: 'C:\\ws',
      homeDir: 'C:\\Users\\me',
      nodePath: 'C:\\Program Files\\nodejs\\node.exe',
      env: { Npm_Config_Userconfig: 'D:\\u.npmrc' },
      platform: windows,
    });
    expect(files).toEqual(['C:\\ws\\frontend\\.npmrc', 'C:\\ws\\.npmrc', 'D:\\u.npmrc', 'C:\\Program Files\\nodejs\\etc\\npmrc']);
  });
});

describe('parseNpmrc', () => {
  it('reads key = value lines with their numbers, skipping comments; keys normalised, arrays unbracketed', () => {
    expect(parseNpmrc('; comment\n# another\nOMIT[] = dev\nbin_links=false\nregistry="https://r.example/"\nsave-exact\n', '/x/.npmrc')).toEqual([
      { key: 'omit', value: 'dev', source: { file: '/x/.npmrc', line: 3 } },
      { key: 'bin-links', value: 'false', source: { file: '/x/.npmrc', line: 4 } },
      { key: 'registry', value: 'https://r.example/', source: { file: '/x/.npmrc', line: 5 } },
      { key: 'save-exact', value: 'true', source: { file: '/x/.npmrc', line: 6 } },
    ]);
  });
});

describe('devDroppingSettings', () => {
  it('finds omit=dev, production=true, only=prod and NODE_ENV=production, each with its source', () => {
    const settings = [
      ...parseNpmrc('omit=optional\nomit=dev,optional\nproduction=true\nonly=prod\ninclude=dev\n', '/f'),
      ...environmentNpmSettings({ NPM_CONFIG_OMIT: 'dev', npm_config_production: 'false', PATH: '/bin' }),
    ];
    const found = devDroppingSettings(settings, { NODE_ENV: 'production' });
    expect(found.map((item) => item.written)).toEqual(['NODE_ENV=production', 'omit=dev,optional', 'production=true', 'only=prod', 'NPM_CONFIG_OMIT=dev']);
    expect(found[1]?.source).toEqual({ file: '/f', line: 2 });
    expect(found[4]?.source).toEqual({ variable: 'NPM_CONFIG_OMIT' });
    expect(devDroppingSettings(parseNpmrc('omit=optional\n', '/f'), { NODE_ENV: 'development' })).toEqual([]);
  });
});

describe('binLinksOff', () => {
  it('is the bin-links=false npm would use: the environment and nearer files win', () => {
    expect(binLinksOff(parseNpmrc('bin-links=false\n', '/p'))?.source).toEqual({ file: '/p', line: 1 });
    expect(binLinksOff([...parseNpmrc('bin-links=true\n', '/project'), ...parseNpmrc('bin-links=false\n', '/user')])).toBeUndefined();
    expect(binLinksOff(environmentNpmSettings({ npm_config_bin_links: 'false' }))?.source).toEqual({ variable: 'npm_config_bin_links' });
  });
});
