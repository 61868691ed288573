import { describe, expect, it } from 'vitest';
import { loadEnvValues, resolveEnvValues, workspaceSecretMasker } from '../../src/env/load.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { tempWorkspace } from './support/workspace.js';

describe('loadEnvValues', () => {
  it('returns what Flask gets and the secret keys from the template, names and values', () => {
    const root = tempWorkspace({
      '.env.template': '# @secret\nMARKED=x\nDATABASE_URL=postgresql://u:p@h/d\n',
      '.env': 'MARKED=m\nDATABASE_URL=postgresql://u:real-pass@h/d\nAPI_TOKEN=t\nPLAIN=${MARKED}-x\nBARE\nSTRIPE=sk_live_0123456789abcdefgh\n',
    });
    const loaded = loadEnvValues(loadWorkspace(root));
    expect(loaded.found).toBe(true);
    expect(loaded.values).toEqual({
      MARKED: 'm',
      DATABASE_URL: 'postgresql://u:real-pass@h/d',
      API_TOKEN: 't',
      PLAIN: 'm-x',
      STRIPE: 'sk_live_0123456789abcdefgh',
    });
    expect(loaded.secretKeys).toEqual(['API_TOKEN', 'DATABASE_URL', 'MARKED', 'STRIPE']);
  });

  it('is empty (found: false) without a .env, and uses only names when there is no template', () => {
    expect(loadEnvValues(loadWorkspace(tempWorkspace({ '.env.template': 'A=1\n' })))).toEqual({ values: {}, secretKeys: [], found: false, hidden: [] });
    const root = tempWorkspace({ 'docker-compose.yml': 'services: {}\n', '.env': 'A=1\nB_PASSWORD=pw\n' });
    expect(loadEnvValues(loadWorkspace(root)).secretKeys).toEqual(['B_PASSWORD']);
  });

  it('falls back to the given environment for ${NAME} not defined in the file', () => {
    expect(resolveEnvValues('A=${HOME_DIR}/x\n', { HOME_DIR: '/home/me' }).get('A')).toBe('/home/me/x');
  });

  it('holds the text of lines continuing a secret (an unquoted PEM body), which its masker masks', () => {
    const root = tempWorkspace({
      'docker-compose.yml': 'services: {}\n',
      '.env': 'SECRET_KEY=-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0B\n-----END PRIVATE KEY-----\nA=1\n',
    });
    const workspace = loadWorkspace(root);
    expect(loadEnvValues(workspace).hidden).toEqual(expect.arrayContaining(['MIIEvQIBADANBgkqhkiG9w0B']));
    expect(workspaceSecretMasker(workspace)('key line MIIEvQIBADANBgkqhkiG9w0B')).toBe('key line ***');
  });

  it('gives a masker for relaying service output', () => {
    const root = tempWorkspace({ '.env.template': 'A=1\n', '.env': 'DATABASE_URL=postgresql://u:real-pass@h/d\nJWT_SECRET_KEY=jwt-value-123\n' });
    const mask = workspaceSecretMasker(loadWorkspace(root));
    expect(mask('[backend] connecting with real-pass and jwt-value-123')).toBe('[backend] connecting with *** and ***');
  });
});
