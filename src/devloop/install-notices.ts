/** An install run while tovrun runs, shown as each service's notices (the terminal and the terminal UI alike). */
import type { InstallObserver } from '../os/install-observer.js';
import type { DevLoopOutput } from './output.js';

/** An InstallObserver that says the install's steps and failure as notices of the service, and its report as run lines. */
export function noticeObserver(output: DevLoopOutput): InstallObserver {
  return {
    upToDate: (name) => output.notice(name, 'install: up to date'),
    started: (name, reason) => output.notice(name, `installing${reason ? ` (${reason})` : ''}`),
    line: (name, text) => output.notice(name, `install: ${text}`),
    finished: (name, status, lines) => {
      if (status === 'installed') output.notice(name, 'installed');
      // The failure's lines are labelled with the service already; the notice labels them.
      for (const line of lines) output.notice(name, line.startsWith(`${name}: `) ? line.slice(name.length + 2) : line);
    },
    report: (lines) => {
      if (lines.length > 0) output.say(`${lines.join('\n')}\n`);
    },
  };
}
