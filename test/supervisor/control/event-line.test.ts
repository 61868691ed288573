import { describe, expect, it } from 'vitest';
import { eventLine } from '../../../src/supervisor/control/event-line.js';

describe('event lines', () => {
  it('carry the version, time, the event fields and its sentence, every string masked', () => {
    const mask = (text: string) => text.replaceAll('hunter2', '***');
    const line = eventLine({ type: 'spawn-failed', service: 'api', message: 'bad password hunter2' }, Date.parse('2026-12-04T12:00:00Z'), mask);
    expect(line).toEqual({
      version: 1,
      time: '2026-12-04T12:00:00.000Z',
      type: 'spawn-failed',
      service: 'api',
      message: 'bad password ***',
      text: 'could not start: bad password ***',
    });
    expect(JSON.stringify(line)).not.toContain('hunter2');
  });
});
