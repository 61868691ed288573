import { describe, expect, it } from 'vitest';
import { installView } from '../../../src/panes/tui/install-view.js';
import type { Scrollback } from '../../../src/panes/tui/scrollback.js';
import { TuiModel } from '../../../src/panes/tui/tui-model.js';

/** The texts a view holds, oldest first. */
function texts(buffer: Scrollback): string[] {
  const lines: string[] = [];
  for (let index = buffer.first; index < buffer.end; index += 1) lines.push(buffer.at(index)?.text ?? '');
  return lines;
}

describe('install view', () => {
  it('marks a due service installing, shows its lines in its output and in "all", then starting', () => {
    const model = new TuiModel({ services: ['backend', 'frontend'] });
    let redraws = 0;
    const view = installView(model, () => {
      redraws += 1;
    });
    view.upToDate('frontend');
    view.started('backend', 'backend/requirements.txt changed');
    expect(model.rows.get('backend')?.state).toBe('installing');
    expect(model.rows.get('frontend')?.state).toBe('waiting');
    view.line('backend', 'Collecting flask');
    expect(texts(model.buffer('backend'))).toEqual(['[tovrun] installing (backend/requirements.txt changed)', 'Collecting flask']);
    expect(texts(model.buffer('all'))).toContain('Collecting flask');
    expect(texts(model.buffer('frontend'))).toEqual(['[tovrun] install: up to date']);
    view.finished('backend', 'installed', []);
    expect(model.rows.get('backend')?.state).toBe('starting');
    expect(redraws).toBe(4);
  });

  it('shows a failed install as failed with its reason and its last lines, focused without a key', () => {
    const model = new TuiModel({ services: ['backend', 'frontend'] });
    const view = installView(model, () => undefined);
    view.started('backend', undefined);
    view.line('backend', 'Collecting nope');
    view.finished('backend', 'failed', [
      'backend: pip install failed (exit code 1).',
      'backend | ... last 1 lines of output:',
      'backend | ERROR: No matching distribution found for nope',
      'backend: hint: check the package name',
    ]);
    const row = model.rows.get('backend');
    expect(row?.state).toBe('failed');
    expect(row?.reason).toBe('pip install failed (exit code 1).');
    expect(model.focused).toBe('backend');
    expect(texts(model.buffer('backend'))).toContain('[tovrun] backend | ERROR: No matching distribution found for nope');
    view.failedInstallClosing();
    expect(model.rows.get('backend')?.reason).toBeNull();
  });

  it('adds the install report (warnings, failures) to the "all" view', () => {
    const model = new TuiModel({ services: ['backend'] });
    installView(model, () => undefined).report(['backend: warning: pip could not be upgraded']);
    expect(texts(model.buffer('all'))).toEqual(['backend: warning: pip could not be upgraded']);
  });
});
