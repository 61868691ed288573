import { describe, expect, it } from 'vitest';
import { handleInput, handleKey } from '../../../src/panes/tui/keys.js';
import { TuiModel } from '../../../src/panes/tui/tui-model.js';

function model(): TuiModel {
  const tui = new TuiModel({ services: ['api', 'web'] });
  for (const text of ['boot', 'GET /a', 'idle']) tui.add('api', text);
  return tui;
}

describe('tui keys', () => {
  it('focuses with arrows, j/k, Tab and digits', () => {
    const tui = model();
    handleKey(tui, '', { downArrow: true }, 10);
    expect(tui.focused).toBe('api');
    handleKey(tui, 'j', {}, 10);
    expect(tui.focused).toBe('web');
    handleKey(tui, '', { tab: true }, 10);
    expect(tui.focused).toBe('all');
    handleKey(tui, '', { tab: true, shift: true }, 10);
    expect(tui.focused).toBe('web');
    handleKey(tui, '1', {}, 10);
    expect(tui.focused).toBe('api');
    handleKey(tui, '0', {}, 10);
    expect(tui.focused).toBe('all');
  });

  it('types a search after /, so its letters do not act as keys, and Enter finds it', () => {
    const tui = model();
    handleKey(tui, '1', {}, 10);
    handleKey(tui, '/', {}, 10);
    for (const letter of 'GET q') handleKey(tui, letter, {}, 10);
    handleKey(tui, '', { backspace: true }, 10);
    handleKey(tui, '', { backspace: true }, 10);
    expect(tui.query).toBe('GET');
    expect(handleKey(tui, '', { return: true }, 10)).toBeNull();
    expect(tui.search).toBe('GET');
    expect(tui.visible(1, 80).map((line) => line.text)).toEqual(['GET /a']);
  });

  it('asks the app to restart the focused service, but not the "all" view', () => {
    const tui = model();
    expect(handleKey(tui, 'r', {}, 10)).toBeNull();
    expect(tui.message).toMatch(/Focus a service first/);
    handleKey(tui, '2', {}, 10);
    expect(handleKey(tui, 'r', {}, 10)).toEqual({ kind: 'restart', service: 'web' });
  });

  it('asks the app to stop or start the focused service on s, but not the "all" view', () => {
    const tui = model();
    expect(handleKey(tui, 's', {}, 10)).toBeNull();
    expect(tui.message).toBe('Focus a service first (↑/↓ or 1–9) to stop or start it.');
    handleKey(tui, '1', {}, 10);
    expect(handleKey(tui, 's', {}, 10)).toEqual({ kind: 'stop-start', service: 'api' });
  });

  it('quits on q and on Ctrl-C, even while typing a search; any key closes help', () => {
    const tui = model();
    expect(handleKey(tui, 'q', {}, 10)).toEqual({ kind: 'quit', interrupt: false });
    handleKey(tui, '/', {}, 10);
    expect(handleKey(tui, 'q', {}, 10)).toBeNull();
    expect(handleKey(tui, 'c', { ctrl: true }, 10)).toEqual({ kind: 'quit', interrupt: true });
    handleKey(tui, '', { escape: true }, 10);
    handleKey(tui, '?', {}, 10);
    expect(tui.mode).toBe('help');
    expect(handleKey(tui, 'q', {}, 10)).toBeNull();
    expect(tui.mode).toBe('normal');
  });
});

describe('tui input', () => {
  it('handles several characters read at once one by one, a carriage return among them as Enter', () => {
    const tui = model();
    handleInput(tui, '1/GET', {}, 10);
    expect([tui.focused, tui.mode, tui.query]).toEqual(['api', 'search', 'GET']);
    expect(handleInput(tui, ' /a\rq', {}, 10)).toEqual([{ kind: 'quit', interrupt: false }]);
    expect([tui.mode, tui.search]).toEqual(['normal', 'GET /a']);
  });
});
