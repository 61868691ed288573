/** A service's log file (.tovrun/logs/<service>.log) read as kept lines, for `tovrun logs --json` and `--errors` when no tovrun runs. */
import { readFileSync } from 'node:fs';
import type { KeptLine, ServiceSource } from './log-query.js';

/** How tovrun marks its own lines in a log file (see the prefix sink). */
const noticePrefix = '[tovrun] ';

/** The lines of a log file's text: tovrun's notices told apart by their mark; no times, and stdout and stderr not told apart. */
export function logTextSource(service: string, text: string): ServiceSource {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  const lines: KeptLine[] = (body === '' ? [] : body.split('\n')).map((line) =>
    line.startsWith(noticePrefix) ? { time: null, stream: 'tovrun', text: line.slice(noticePrefix.length) } : { time: null, stream: null, text: line },
  );
  return {
    service,
    first: 0,
    end: lines.length,
    entry: (index) => lines[index],
    at: (index) => {
      const line = lines[index];
      return line && { text: line.text, notice: line.stream === 'tovrun' };
    },
  };
}

/** The log file of service read as kept lines; an empty source when it does not exist (yet). */
export function logFileSource(service: string, file: string): ServiceSource {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = '';
  }
  return logTextSource(service, text);
}
