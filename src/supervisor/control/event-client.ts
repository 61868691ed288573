/** Following the running tovrun's events (`tovrun events`): one subscription, each event handed on as it comes. */
import { readControlFile } from '../../control/control-file.js';
import { FailedError } from '../../errors.js';
import { orTimeout } from '../../os/delay.js';
import { answerTimeoutMs, connect, NotRunningError } from './client.js';
import type { EventLine } from './event-line.js';
import { parseControlResponse, parseEventMessage } from './protocol.js';

/** How following ended: the running tovrun stopped (it closed the connection), or until was aborted. */
export type FollowEnd = 'stopped' | 'aborted';

/**
 * Subscribes to the running tovrun's events (onSubscribed once it answered) and calls onEvent for each until it stops or until aborts; a
 * NotRunningError when none runs, a FailedError when it refuses or does not answer within answerTimeoutMs.
 */
export async function followEvents(
  stateDir: string,
  onEvent: (event: EventLine) => void,
  until: AbortSignal,
  onSubscribed: () => void = () => undefined,
): Promise<FollowEnd> {
  const record = readControlFile(stateDir);
  if (!record) throw new NotRunningError();
  const connection = await connect(record.socket);
  const subscribed = new Promise<void>((resolve, reject) => {
    connection.onLine((line) => {
      const event = parseEventMessage(line);
      if (event) return onEvent(event);
      const parsed = parseControlResponse(line);
      if ('value' in parsed && parsed.value.ok) resolve();
      else
        reject(
          new FailedError(
            `the running tovrun refused to send its events: ${'value' in parsed && !parsed.value.ok ? parsed.value.error.message : 'its answer is unreadable'}`,
          ),
        );
    });
  });
  const ended = new Promise<FollowEnd>((resolve) => {
    connection.onClose(() => resolve('stopped'));
    if (until.aborted) resolve('aborted');
    until.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
  connection.send({ id: 1, type: 'events' });
  try {
    await orTimeout(
      Promise.race([subscribed.then(onSubscribed), ended.then(() => undefined)]),
      answerTimeoutMs,
      () => new FailedError(`the running tovrun (pid ${record.pid}) did not answer an events request within ${answerTimeoutMs / 1000} s.`),
    );
    return await ended;
  } finally {
    connection.destroy();
  }
}
