// Mouse reports as Ink's useInput hands them over (ESC stripped) or raw: the wheel scrolls the focused output by 3
// lines, End-like once the newest line is reached; no report is ever typed as keys.
import { describe, expect, it } from 'vitest';
import { handleInput } from '../../../src/panes/tui/keys.js';
import { parseMouse } from '../../../src/panes/tui/mouse.js';
import { TuiModel } from '../../../src/panes/tui/tui-model.js';

describe('parseMouse', () => {
  it('reads SGR wheel reports, with or without ESC and with modifiers held', () => {
    expect(parseMouse('[<64;10;5M')).toEqual({ kind: 'wheel', direction: 'up' });
    expect(parseMouse('\u001b[<65;1;1M')).toEqual({ kind: 'wheel', direction: 'down' });
    expect(parseMouse('[<80;3;4M')).toEqual({ kind: 'wheel', direction: 'up' });
    expect(parseMouse('[<0;3;4M')).toEqual({ kind: 'other' });
    expect(parseMouse('[<0;3;4m')).toEqual({ kind: 'other' });
  });

  it('is null for keys and text', () => {
    for (const input of ['q', '64', '[<64;10M', '[<64;10;5Mq', '', '[A']) expect(parseMouse(input)).toBeNull();
  });
});

describe('the wheel in the UI', () => {
  function model(): TuiModel {
    const tui = new TuiModel({ services: ['api'] });
    for (let line = 0; line < 30; line += 1) tui.add('api', `line ${line}`);
    tui.focus(1);
    return tui;
  }
  const bottom = (tui: TuiModel) => tui.visible(5, 80).at(-1)?.text;

  it('scrolls up 3 lines per step and follows again once back at the newest line', () => {
    const tui = model();
    expect(handleInput(tui, '[<64;40;10M', {}, 5)).toEqual([]);
    expect([bottom(tui), tui.following]).toEqual(['line 26', false]);
    handleInput(tui, '[<64;40;10M', {}, 5);
    expect(bottom(tui)).toBe('line 23');
    handleInput(tui, '[<65;40;10M', {}, 5);
    expect(bottom(tui)).toBe('line 26');
    handleInput(tui, '[<65;40;10M', {}, 5);
    expect([bottom(tui), tui.following]).toEqual(['line 29', true]);
  });

  it('never types a report: focus stays, and in the search prompt nothing is added', () => {
    const tui = model();
    handleInput(tui, '[<0;1;2M', {}, 5);
    expect(tui.focused).toBe('api');
    handleInput(tui, '/', {}, 5);
    handleInput(tui, '[<64;1;2M', {}, 5);
    expect([tui.query, bottom(tui)]).toEqual(['', 'line 29']);
  });
});
