/** The terminal UI: side list, focused output and status line, redrawn at most every 50 ms, following the terminal's size. */
import { Box, Text, useInput, useStdout } from 'ink';
import { useEffect, useState } from 'react';
import { handleInput, type KeyCommand } from './keys.js';
import { OutputView } from './output-view.js';
import { SideList, sideListWidth } from './side-list.js';
import { Throttle } from './throttle.js';
import type { TuiModel } from './tui-model.js';

/** Props of App. */
export interface AppProps {
  model: TuiModel;
  color: boolean;
  /** Calls listener when the model changed (lines, states, messages); returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Brings the rows up to date (the supervisor's status) before a redraw. */
  refresh(): void;
  /** Carries out what a key asked for (restart, quit). */
  command(command: Exclude<KeyCommand, null>): void;
  now(): number;
}

const keysLine = '↑↓ focus · PgUp/PgDn/wheel scroll · End follow · / search · n/N · f filter · e error · r restart · s stop/start · ? help · q quit';

/** Redraws on model changes (throttled), every second (uptimes), and on resize. */
function useRedraw(subscribe: AppProps['subscribe']): void {
  const [, setTick] = useState(0);
  const { stdout } = useStdout();
  useEffect(() => {
    const throttle = new Throttle(() => setTick((tick) => tick + 1));
    const unsubscribe = subscribe(() => throttle.request());
    const clock = setInterval(() => throttle.request(), 1_000);
    const resized = (): void => throttle.request();
    stdout.on('resize', resized);
    return () => {
      throttle.stop();
      unsubscribe();
      clearInterval(clock);
      stdout.off('resize', resized);
    };
  }, [subscribe, stdout]);
}

/** The whole screen: one row short of the terminal, so Ink updates only what changed instead of clearing the screen. */
export function App({ model, color, subscribe, refresh, command, now }: AppProps) {
  useRedraw(subscribe);
  const { stdout } = useStdout();
  const columns = Math.max(40, stdout.columns || 80);
  const rows = Math.max(10, (stdout.rows || 24) - 1);
  const outputRows = rows - 2;
  const [, redraw] = useState(0);
  useInput((input, key) => {
    for (const next of handleInput(model, input, key, outputRows)) command(next);
    redraw((tick) => tick + 1);
  });
  refresh();
  const status = model.mode === 'search' ? `/${model.query}█` : (model.message ?? keysLine);
  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <Box flexDirection="row" height={rows - 1}>
        <SideList views={model.views} rows={model.rows.list()} focused={model.focused} color={color} now={now()} />
        <OutputView model={model} width={columns - sideListWidth} height={outputRows} color={color} />
      </Box>
      <Text wrap="truncate" inverse={model.mode !== 'search'}>
        {status.padEnd(columns - 1)}
      </Text>
    </Box>
  );
}
