import { describe, expect, it } from 'vitest';
import { formatHumanReport, humanReportStyle } from '../../src/check/print-human.js';
import { finding } from '../../src/report/findings.js';
import { memoryContext, memoryOutput } from '../support/memory-context.js';

const findings = [
  finding('env/unknown-key', 'error', 'FLASK_EVN is not in .env.template — did you mean FLASK_ENV?', {
    file: '.env',
    line: 12,
    hint: 'Rename it to FLASK_ENV.',
  }),
  finding('env/trailing-whitespace', 'warn', 'line 3 ends in spaces or tabs — invisible.', { file: '.env', line: 3, hint: 'Delete it.' }),
  finding('env/missing-file', 'error', '.env not found.', { file: '.env', hint: 'Create it:\n  cp .env.template .env' }),
];

describe('formatHumanReport', () => {
  it('prints one line per finding with its fix indented, in ASCII for pipes', () => {
    expect(formatHumanReport(findings, { unicode: false, color: false })).toBe(
      [
        'warn .env:3 [env/trailing-whitespace] line 3 ends in spaces or tabs -- invisible.',
        '    -> Delete it.',
        'FAIL .env:12 [env/unknown-key] FLASK_EVN is not in .env.template -- did you mean FLASK_ENV?',
        '    -> Rename it to FLASK_ENV.',
        'FAIL .env [env/missing-file] .env not found.',
        '    -> Create it:',
        '        cp .env.template .env',
        'FAIL 2 errors, 1 warning',
        '',
      ].join('\n'),
    );
  });

  it('colours status, place, id and fix with the codes it always used', () => {
    const coloured = formatHumanReport(
      [finding('env/unknown-key', 'error', 'FLASK_EVN is unknown.', { file: '.env', line: 12, hint: 'Rename it.' }), finding('env/ok', 'ok', 'fine')],
      { unicode: false, color: true },
    );
    expect(coloured).toBe(
      '\u001b[32mok\u001b[39m \u001b[2m[env/ok]\u001b[22m fine\n\u001b[31m\u001b[1mFAIL\u001b[22m\u001b[39m \u001b[1m.env:12 \u001b[22m\u001b[2m[env/unknown-key]\u001b[22m FLASK_EVN is unknown.\n' +
        '\u001b[36m    -> Rename it.\u001b[39m\n\u001b[31m\u001b[1mFAIL 1 error, 0 warnings\u001b[22m\u001b[39m\n',
    );
    expect(formatHumanReport([finding('env/x', 'warn', 'w')], { unicode: false, color: true })).toBe(
      '\u001b[33m\u001b[1mwarn\u001b[22m\u001b[39m \u001b[2m[env/x]\u001b[22m w\n\u001b[33m\u001b[1mwarn 0 errors, 1 warning\u001b[22m\u001b[39m\n',
    );
  });

  it('uses ✓ ! ✗ → on Unicode terminals, and colour only when asked', () => {
    const unicode = formatHumanReport(findings, { unicode: true, color: false });
    expect(unicode).toContain('✗ .env:12 [env/unknown-key] FLASK_EVN is not in .env.template — did you mean FLASK_ENV?\n    → Rename');
    expect(unicode).toContain('! .env:3');
    expect(unicode).not.toContain('\u001b[');
    expect(formatHumanReport(findings, { unicode: true, color: true })).toContain('\u001b[');
    expect(formatHumanReport([finding('env/ok', 'ok', 'fine')], { unicode: true, color: false })).toBe('✓ [env/ok] fine\n✓ no problems found\n');
  });

  it('says when --strict makes warnings fail, and marks the summary as failed', () => {
    const warnOnly = [
      finding('hygiene/stale-copy', 'warn', 'x/.env.template is not used by tovrun; remove it.', { file: 'x/.env.template', hint: 'rm x/.env.template' }),
    ];
    expect(formatHumanReport(warnOnly, { unicode: false, color: false })).toMatch(/^warn 0 errors, 1 warning\n$/m);
    expect(formatHumanReport(warnOnly, { unicode: false, color: false }, { strict: true })).toMatch(
      /^FAIL 0 errors, 1 warning \(--strict: warnings fail\)\n$/m,
    );
  });

  it('writes dashes in fixes as -- where the console shows no Unicode', () => {
    const text = formatHumanReport([finding('database/unreachable', 'warn', 'down', { hint: 'Start it — or not.' })], { unicode: false, color: false });
    expect(text).toContain('    -> Start it -- or not.');
  });

  it('keeps each check together, in the order the checks reported', () => {
    const text = formatHumanReport([finding('toolchains/python', 'ok', 'py'), finding('env/ok', 'ok', 'env'), finding('toolchains/node', 'error', 'node')], {
      unicode: false,
      color: false,
    });
    expect(text.split('\n').slice(0, 3)).toEqual(['FAIL [toolchains/node] node', 'ok [toolchains/python] py', 'ok [env/ok] env']);
  });

  it('takes its style from the context: terminal, NO_COLOR, FORCE_COLOR', () => {
    expect(humanReportStyle(memoryContext('/'))).toEqual({ unicode: false, color: false });
    const terminal = { ...memoryContext('/', { env: { TERM: 'xterm-256color' } }), stdout: memoryOutput(true) };
    expect(humanReportStyle(terminal)).toEqual({ unicode: true, color: true });
    expect(humanReportStyle({ ...terminal, env: { TERM: 'xterm-256color', NO_COLOR: '1' } })).toEqual({ unicode: true, color: false });
  });
});
