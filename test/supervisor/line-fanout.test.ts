import { describe, expect, it } from 'vitest';
import { LineFanout } from '../../src/supervisor/line-fanout.js';
import { MemorySink } from './support.js';

describe('line fanout', () => {
  it('passes blocks to the sink, lines (ANSI removed) to listeners, and remembers the last lines', () => {
    const sink = new MemorySink();
    const fanout = new LineFanout('api', sink);
    fanout.lines('stdout', 'before anyone listens');
    const heard: string[] = [];
    const stop = fanout.subscribe((line) => heard.push(line));
    fanout.lines('stdout', '\u001b[32mRunning on\u001b[39m http://127.0.0.1:5000\nready');
    stop();
    fanout.lines('stderr', 'after');
    expect(sink.blocks).toEqual(['before anyone listens', '\u001b[32mRunning on\u001b[39m http://127.0.0.1:5000\nready', 'after']);
    expect(heard).toEqual(['Running on http://127.0.0.1:5000', 'ready']);
    expect(fanout.recent.list()).toEqual(['before anyone listens', '\u001b[32mRunning on\u001b[39m http://127.0.0.1:5000', 'ready', 'after']);
  });
});
