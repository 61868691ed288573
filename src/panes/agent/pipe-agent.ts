/** The pipe agent: `tmux pipe-pane` feeds it the pane's output, it passes the lines to tovrun (for log probes and log files). */
import { StringDecoder } from 'node:string_decoder';
import { LineSplitter } from '../../text/line-splitter.js';
import { type AgentEffects, connectAgent } from './agent-effects.js';
import type { AgentHello, AgentReport } from './messages.js';

/** Forwards stdin, line by line, to tovrun until stdin ends or tovrun goes away; returns the exit code. */
export async function runPipeAgent(options: { socket: string; ticket: string }, effects: Pick<AgentEffects, 'connect' | 'stdin' | 'stderr'>): Promise<number> {
  const connection = await connectAgent('pipe', options.socket, effects);
  if (!connection) return 1;
  const hello: AgentHello = { type: 'agent-hello', ticket: options.ticket, role: 'pipe' };
  connection.send(hello);
  const decoder = new StringDecoder('utf8');
  let lines: string[] = [];
  const splitter = new LineSplitter((line) => lines.push(line));
  const send = () => {
    if (lines.length === 0) return;
    const report: AgentReport = { type: 'output', stream: 'stdout', lines };
    connection.send(report);
    lines = [];
  };
  return new Promise((resolve) => {
    effects.stdin.on('data', (chunk: Buffer) => {
      splitter.push(decoder.write(chunk));
      send();
    });
    effects.stdin.once('end', () => {
      splitter.push(decoder.end());
      splitter.flush();
      send();
      connection.end();
      resolve(0);
    });
    connection.onClose(() => resolve(0));
  });
}
