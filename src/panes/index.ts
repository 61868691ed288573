/** Public surface of the panes module: how service output is shown and logged (prefix lines, tmux panes, Windows panes). */
export { logFilePath, logsDir, previousLogFilePath } from './log-files.js';
export { LogTail } from './log-tail.js';
export { childrenUseColor, needsTmuxSession, type PanesModeInputs, type PanesSelection, selectPanesMode, tmuxInstallHint } from './mode.js';
export { openPaneOutput, type PaneOutput, type PaneOutputOptions } from './pane-output.js';
export { type PanesRecord, panesFilePath, readPanesFile } from './panes-file.js';
export { createPrefixSink, PrefixSink, type PrefixSinkOptions, type SinkDestination } from './prefix-sink.js';
export type { LogLimits } from './service-log.js';
export { dedicatedServer, type NewSessionOptions, runInNewTmuxSession } from './tmux/tmux-session.js';
