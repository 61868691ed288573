/** Public surface of the panes module: how service output is shown and logged (prefix lines, tmux panes, Windows panes). */
export { logFilePath, logsDir, previousLogFilePath } from './log-files.js';
export type { LogLimits } from './service-log.js';
export { createPrefixSink, PrefixSink, type PrefixSinkOptions, type SinkDestination } from './prefix-sink.js';
export { LogTail } from './log-tail.js';
export { selectPanesMode, childrenUseColor, needsTmuxSession, tmuxInstallHint, type PanesModeInputs, type PanesSelection } from './mode.js';
export { openPaneOutput, type PaneOutput, type PaneOutputOptions } from './pane-output.js';
export { runInNewTmuxSession, dedicatedServer, type NewSessionOptions } from './tmux/tmux-session.js';
export { panesFilePath, readPanesFile, type PanesRecord } from './panes-file.js';
