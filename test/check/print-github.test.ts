import { describe, expect, it } from 'vitest';
import { escapeAnnotationData, escapeAnnotationProperty, formatGitHubAnnotations, isGitHubActions } from '../../src/check/print-github.js';
import { finding } from '../../src/report/findings.js';

describe('GitHub annotations', () => {
  it('are on only when GITHUB_ACTIONS is exactly "true"', () => {
    expect(isGitHubActions({ GITHUB_ACTIONS: 'true' })).toBe(true);
    expect(isGitHubActions({ GITHUB_ACTIONS: '1' })).toBe(false);
    expect(isGitHubActions({})).toBe(false);
  });

  it('escape % CR LF in messages, and also : and , in properties', () => {
    expect(escapeAnnotationData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeAnnotationProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('print ::error and ::warning with file, line and title, the fix after the message; ok findings print nothing', () => {
    const text = formatGitHubAnnotations(
      [
        finding('env/ok', 'ok', 'fine'),
        finding('compose/undefined-variable', 'error', 'uses ${X}, 50% sure', { file: 'docker-compose.yml', line: 12, hint: 'Add X:\n  to .env.template' }),
        finding('database/unreachable', 'warn', 'not reachable'),
      ],
      { root: '/repo' },
    );
    expect(text).toBe(
      [
        '::error file=docker-compose.yml,line=12,title=tovrun compose/undefined-variable::uses ${X}, 50%25 sure%0AFix: Add X:%0A  to .env.template',
        '::warning title=tovrun database/unreachable::not reachable',
        '',
      ].join('\n'),
    );
    expect(formatGitHubAnnotations([finding('env/ok', 'ok', 'fine')], { root: '/repo' })).toBe('');
  });

  it('point at files relative to the checkout when the workspace is a sub-folder of it', () => {
    const item = finding('env/unknown-key', 'error', 'x', { file: '.env', line: 2 });
    expect(formatGitHubAnnotations([item], { root: '/checkout/app', checkout: '/checkout' })).toContain('file=app/.env,line=2,');
    expect(formatGitHubAnnotations([{ ...item, file: '/home/me/.npmrc' }], { root: '/checkout/app', checkout: '/checkout' })).toContain(
      'file=/home/me/.npmrc,',
    );
  });
});
