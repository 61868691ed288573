/** The side list: "all", then each service with its state, port, time to ready, uptime and restarts (and why it failed). */
import { Box, Text } from 'ink';
import { formatUptime } from '../../supervisor/status-table.js';
import { formatSeconds } from '../../text/seconds.js';
import type { RowState, ServiceRow } from './service-rows.js';
import { allView } from './tui-model.js';

/** Columns the side list takes. */
export const sideListWidth = 34;

const stateColor: Record<RowState, string> = {
  installing: 'yellow',
  waiting: 'gray',
  starting: 'yellow',
  ready: 'green',
  failed: 'red',
  restarting: 'yellow',
  stopping: 'gray',
  stopped: 'gray',
};

/** The details under a service's name: ":5001  0.4 s  up 12 s  ↻1" (port, time to ready, uptime, restarts). */
export function rowDetails(row: ServiceRow, now: number): string {
  const parts = [
    row.port === null ? null : `:${row.port}`,
    row.readyMs === null ? null : formatSeconds(row.readyMs),
    row.startedAt === null ? null : `up ${formatUptime(now - row.startedAt)}`,
    row.restarts > 0 ? `↻${row.restarts}` : null,
  ];
  return parts.filter((part) => part !== null).join('  ');
}

/** Props of SideList. */
export interface SideListProps {
  views: readonly string[];
  rows: readonly ServiceRow[];
  focused: string;
  color: boolean;
  now: number;
}

/** The list, with the focused entry marked ▶ and numbered for the 0–9 keys. */
export function SideList({ views, rows, focused, color, now }: SideListProps) {
  return (
    <Box flexDirection="column" width={sideListWidth} borderStyle="single" borderTop={false} borderBottom={false} borderLeft={false} flexShrink={0}>
      {views.map((view, index) => {
        const row = rows.find((each) => each.name === view);
        const mark = view === focused ? '▶' : ' ';
        const key = index <= 9 ? String(index) : ' ';
        if (view === allView || !row)
          return (
            <Text key={view} bold={view === focused} wrap="truncate">
              {`${mark}${key} ${view}`}
            </Text>
          );
        const details = rowDetails(row, now);
        return (
          <Box key={view} flexDirection="column">
            <Text bold={view === focused} wrap="truncate">
              {`${mark}${key} ${row.name.padEnd(14)} `}
              <Text {...(color ? { color: stateColor[row.state] } : {})}>{row.state}</Text>
            </Text>
            {details === '' ? null : <Text wrap="truncate" {...(color ? { dimColor: true } : {})}>{`   ${details}`}</Text>}
            {row.reason === null ? null : <Text wrap="truncate" {...(color ? { color: 'red' } : {})}>{`   ${row.reason}`}</Text>}
          </Box>
        );
      })}
    </Box>
  );
}
