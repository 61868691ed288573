import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { Screen } from '../../../src/panes/tui/screen.js';

describe('tui screen', () => {
  it('enters the alternate screen with mouse reporting once and leaves both with the cursor shown once', () => {
    const writes: string[] = [];
    const screen = new Screen({ write: (text: string) => writes.push(text) }, new EventEmitter());
    screen.enter();
    screen.enter();
    screen.restore();
    screen.restore();
    expect(writes).toEqual(['\u001b[?1049h\u001b[?1000h\u001b[?1006h', '\u001b[?1006l\u001b[?1000l\u001b[?1049l\u001b[?25h']);
  });

  it('restores the screen and switches mouse reporting off when the process exits without closing the UI (a crash)', () => {
    const writes: string[] = [];
    const exits = new EventEmitter();
    new Screen({ write: (text: string) => writes.push(text) }, exits).enter();
    exits.emit('exit');
    expect(writes.at(-1)).toBe('\u001b[?1006l\u001b[?1000l\u001b[?1049l\u001b[?25h');
    expect(exits.listenerCount('exit')).toBe(0);
  });
});
