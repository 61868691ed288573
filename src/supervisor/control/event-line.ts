/** A supervisor event as `tovrun events --json` prints it: one JSON object per line, versioned, masked. */
import type { LineMask } from '../../os/output-sink.js';
import { describeEvent, type SupervisorEvent } from '../events.js';

/** The version of the event lines' shape; raised when a field changes meaning or goes. */
export const eventVersion = 1;

/** One event line: the event's own fields (type, service, and those of its type), with its time and the sentence tovrun prints for it. */
export type EventLine = SupervisorEvent & {
  version: typeof eventVersion;
  /** When it happened, ISO 8601. */
  time: string;
  /** What tovrun prints beside the service's name (e.g. "started again (pid 4242, restart 1)"). */
  text: string;
};

/** The event as a line: every string in it masked as tovrun's output is (a spawn error or a not-ready reason may quote output). */
export function eventLine(event: SupervisorEvent, time: number, mask: LineMask): EventLine {
  const masked = JSON.parse(JSON.stringify(event), (_key, value: unknown) => (typeof value === 'string' ? mask(value) : value)) as SupervisorEvent;
  return { version: eventVersion, time: new Date(time).toISOString(), ...masked, text: mask(describeEvent(event)) };
}
