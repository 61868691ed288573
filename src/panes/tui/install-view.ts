/** The install phase inside the terminal UI: each service's row "installing" while its install runs, its lines in its output. */
import type { InstallObserver } from '../../os/install-observer.js';
import type { TuiModel } from './tui-model.js';

/** What the install reports to the UI, and the UI's one step of its own before it closes. */
export interface InstallView extends InstallObserver {
  /** Before the UI closes after a failed install: the install's own report says why, so close() adds no line of its own. */
  failedInstallClosing(): void;
}

/** The report's first line for a service ("backend: pip install failed …") without its name: the row's reason. */
function reasonOf(name: string, lines: readonly string[]): string {
  const first = lines.find((line) => line.startsWith(`${name}: `));
  return first ? first.slice(name.length + 2) : 'install failed';
}

/**
 * Shows the install in the model: a due service is "installing" (then "starting", or "failed" with the report's
 * reason, message, output tail and hint marked as tovrun's lines, its output focused); changed() redraws.
 */
export function installView(model: TuiModel, changed: () => void): InstallView {
  const notice = (name: string, text: string): void => model.add(name, `[tovrun] ${text}`, true);
  return {
    upToDate(name) {
      notice(name, 'install: up to date');
      changed();
    },
    started(name, reason) {
      model.rows.mark([name], 'installing');
      notice(name, reason ? `installing (${reason})` : 'installing');
      changed();
    },
    line(name, text) {
      model.add(name, text);
      changed();
    },
    finished(name, status, lines) {
      if (status === 'installed') {
        model.rows.mark([name], 'starting');
        notice(name, 'installed');
      } else {
        const row = model.rows.get(name);
        if (row) Object.assign(row, { state: 'failed', reason: reasonOf(name, lines) });
        for (const line of lines) notice(name, line);
        model.showFailure(name);
      }
      changed();
    },
    failedInstallClosing() {
      for (const row of model.rows.list()) if (row.state === 'failed') row.reason = null;
    },
    report(lines) {
      if (lines.length > 0) model.announce(lines.join('\n'));
      changed();
    },
  };
}
