/** Public surface of the panes module: how service output is shown and logged. */
export type { LineMask, OutputStream, ServiceOutputSink } from './sink.js';
export { childColorEnv } from './colors.js';
export { logFilePath, logsDir, plainText } from './log-files.js';
export { createPrefixSink, PrefixSink, type PrefixSinkOptions, type SinkDestination } from './prefix-sink.js';
export { LineSplitter } from './line-splitter.js';
export { LogTail } from './log-tail.js';
