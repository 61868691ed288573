/** The main area: the focused output (colours kept, long lines wrapped), search hits highlighted, an error block marked; or the help. */
import { Box, Text } from 'ink';
import { plainText } from '../../text/ansi.js';
import { helpLines } from './keys.js';
import { lineMatches, matchRanges } from './search.js';
import { allView, type TuiModel, type VisibleLine } from './tui-model.js';

/** Props of OutputView. */
export interface OutputViewProps {
  model: TuiModel;
  width: number;
  /** Rows for the lines (the title takes one more). */
  height: number;
  color: boolean;
}

/** A line with each hit of the search shown inverse (the line's own colours dropped). */
function Highlighted({ text, query }: { text: string; query: string }) {
  const plain = plainText(text);
  const parts: Array<{ text: string; hit: boolean }> = [];
  let at = 0;
  for (const [start, end] of matchRanges(plain, query)) {
    if (start > at) parts.push({ text: plain.slice(at, start), hit: false });
    parts.push({ text: plain.slice(start, end), hit: true });
    at = end;
  }
  if (at < plain.length) parts.push({ text: plain.slice(at), hit: false });
  return (
    <>
      {parts.map((part, index) => (
        <Text key={index} inverse={part.hit}>
          {part.text}
        </Text>
      ))}
    </>
  );
}

function Line({ line, model, color, label }: { line: VisibleLine; model: TuiModel; color: boolean; label: string }) {
  const marked = model.marked !== null && line.index >= model.marked.start && line.index <= model.marked.end;
  const hit = model.search !== '' && lineMatches(line.text, model.search);
  const body = hit ? <Highlighted text={line.text} query={model.search} /> : color && !marked ? line.text : plainText(line.text);
  return (
    <Text wrap="wrap" {...(marked ? (color ? { color: 'red' } : { bold: true }) : line.notice && color ? { dimColor: true } : {})}>
      {label}
      {body}
    </Text>
  );
}

/** The focused view's title, its lines (newest at the bottom), or the help screen. */
export function OutputView({ model, width, height, color }: OutputViewProps) {
  const focused = model.focused;
  const position = model.following ? 'following' : 'scrolled up · End follows';
  const filter = model.filter ? ` · only lines holding "${model.search}"` : '';
  if (model.mode === 'help') {
    return (
      <Box flexDirection="column" width={width} height={height + 1} paddingLeft={1}>
        <Text bold>tovrun keys (any key closes this)</Text>
        {helpLines.map((line) => (
          <Text key={line} wrap="truncate">
            {line}
          </Text>
        ))}
      </Box>
    );
  }
  const labelWidth = focused === allView ? Math.max(6, ...model.views.map((view) => view.length)) : 0;
  const lines = model.visible(height, Math.max(1, width - 1 - (labelWidth > 0 ? labelWidth + 3 : 0)));
  return (
    <Box flexDirection="column" width={width} height={height + 1} paddingLeft={1}>
      <Text bold wrap="truncate">{`${focused} — ${position}${filter}`}</Text>
      <Box flexDirection="column" height={height} overflow="hidden" justifyContent="flex-end">
        {lines.map((line) => (
          <Line key={line.index} line={line} model={model} color={color} label={labelWidth > 0 ? `${line.service.padEnd(labelWidth)} | ` : ''} />
        ))}
      </Box>
    </Box>
  );
}
