import { describe, expect, it } from 'vitest';
import { TuiModel } from '../../../src/panes/tui/tui-model.js';

function model(lines = 0, capacity?: number): TuiModel {
  const tui = new TuiModel({ services: ['api', 'web'], ...(capacity ? { scrollbackLines: capacity } : {}) });
  for (let index = 0; index < lines; index += 1) tui.add(index % 2 === 0 ? 'api' : 'web', `${index % 2 === 0 ? 'api' : 'web'} line ${index}`);
  return tui;
}
const texts = (tui: TuiModel, height = 3, width = 80) => tui.visible(height, width).map((line) => line.text);

describe('tui model', () => {
  it('lists "all" first, then the services; "all" merges every line in order, each service keeps its own', () => {
    const tui = model(6);
    expect(tui.views).toEqual(['all', 'api', 'web']);
    expect(texts(tui)).toEqual(['web line 3', 'api line 4', 'web line 5']);
    tui.focus(2);
    expect(tui.focused).toBe('web');
    expect(texts(tui)).toEqual(['web line 1', 'web line 3', 'web line 5']);
    tui.moveFocus(1);
    expect(tui.focused).toBe('all');
    tui.moveFocus(-1);
    expect(tui.focused).toBe('web');
  });

  it('keeps a service printed by no one yet as a view of its own once it prints (a compose service)', () => {
    const tui = model();
    tui.add('db', 'database system is ready');
    expect(tui.views).toEqual(['all', 'api', 'web', 'db']);
  });

  it('caps each view at its scrollback size', () => {
    const tui = model(50, 10);
    tui.focus(1);
    expect(tui.buffer('api').size).toBe(10);
    expect(tui.buffer('all').size).toBe(10);
    tui.home();
    expect(texts(tui, 1)).toEqual(['api line 30']);
  });

  it('scrolls up and stays put while lines arrive; End follows again', () => {
    const tui = model(10);
    tui.focus(1);
    tui.scroll(-2);
    expect(tui.following).toBe(false);
    expect(texts(tui)).toEqual(['api line 0', 'api line 2', 'api line 4']);
    tui.add('api', 'api new');
    expect(texts(tui)).toEqual(['api line 0', 'api line 2', 'api line 4']);
    tui.scroll(5);
    expect(tui.following).toBe(true);
    tui.scroll(-1);
    tui.end();
    expect(texts(tui)).toEqual(['api line 6', 'api line 8', 'api new']);
  });

  it('counts a long line as the rows it wraps to', () => {
    const tui = model();
    tui.add('api', 'short');
    tui.add('api', 'x'.repeat(25));
    expect(texts(tui, 3, 10)).toEqual(['x'.repeat(25)]);
    expect(texts(tui, 4, 10)).toEqual(['short', 'x'.repeat(25)]);
  });

  it('searches with /, moves with n (older) and N (newer), and says when nothing matches', () => {
    const tui = model();
    for (const text of ['GET /a', 'boot', 'GET /b', 'idle', 'idle', 'idle']) tui.add('api', text);
    tui.focus(1);
    tui.startSearch();
    tui.editSearch('get');
    tui.editSearch('x');
    tui.editSearch(null);
    expect(tui.mode).toBe('search');
    tui.submitSearch();
    expect([tui.mode, tui.search]).toEqual(['normal', 'get']);
    expect(texts(tui, 2)).toEqual(['boot', 'GET /b']);
    tui.findNext('older');
    expect(texts(tui, 1)).toEqual(['GET /a']);
    tui.findNext('older');
    expect(tui.message).toBe('No older line holds "get".');
    tui.findNext('newer');
    expect(texts(tui, 1)).toEqual(['GET /b']);
    tui.startSearch();
    tui.editSearch('nothing');
    tui.submitSearch();
    expect(tui.message).toBe('No line holds "nothing".');
  });

  it('filters to the lines holding the search with f, and shows every line again with a second f', () => {
    const tui = model();
    for (const text of ['GET /a', 'boot', 'GET /b', 'idle']) tui.add('api', text);
    tui.focus(1);
    tui.toggleFilter();
    expect(tui.message).toBe('No search to filter by: press / first.');
    tui.startSearch();
    tui.editSearch('GET');
    tui.submitSearch();
    tui.toggleFilter();
    expect(texts(tui, 5)).toEqual(['GET /a', 'GET /b']);
    tui.scroll(-1);
    expect(texts(tui, 1)).toEqual(['GET /a']);
    tui.toggleFilter();
    expect(texts(tui, 5)).toEqual(['GET /a', 'boot', 'GET /b', 'idle']);
  });

  it('jumps to the last error with e, marking its lines, and says when there is none', () => {
    const tui = model();
    for (const text of ['Traceback (most recent call last):', '  File "app.py", line 1', 'NameError: x', 'later 1', 'later 2']) tui.add('api', text);
    tui.focus(2);
    tui.jumpToError();
    expect(tui.message).toBe("No error in web's output.");
    tui.focus(1);
    tui.jumpToError();
    expect(tui.marked).toEqual({ start: 0, end: 2 });
    expect(texts(tui, 1)).toEqual(['NameError: x']);
    tui.end();
    expect(tui.marked).toBeNull();
  });

  it('opens and closes help with ?', () => {
    const tui = model();
    tui.toggleHelp();
    expect(tui.mode).toBe('help');
    tui.toggleHelp();
    expect(tui.mode).toBe('normal');
  });
});

describe('a failed service', () => {
  it('is focused with its last error in view when the user watches "all"', () => {
    const tui = model();
    for (const text of ['Traceback (most recent call last):', '  File "app.py", line 1', 'NameError: x', 'exiting']) tui.add('api', text);
    tui.add('api', '[tovrun] exited with code 1', true);
    tui.add('web', 'web still fine');
    tui.showFailure('api');
    expect(tui.focused).toBe('api');
    expect(tui.marked).toEqual({ start: 4, end: 4 });
  });

  it('does not take the focus from another service, nor from a search being typed', () => {
    const tui = model();
    tui.add('api', '[tovrun] gave up after 3 restarts', true);
    tui.focus(2);
    tui.showFailure('api');
    expect(tui.focused).toBe('web');
    tui.focus(0);
    tui.startSearch();
    tui.showFailure('api');
    expect(tui.focused).toBe('all');
  });
});
