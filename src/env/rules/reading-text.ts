/** Words for what each reader gets, shared by the reader-disagreement and unparseable-line findings. */
import type { Reading } from '../readers/readings.js';
import { type ReaderName, readerLabels } from '../readers/types.js';

/** How a secret value is described instead of shown: by its length only. */
export function hiddenValue(value: string): string {
  return `a hidden ${value.length}-character value`;
}

/** "Vite (loadEnv) gets "x"", "... gets nothing", "docker compose stops: <why>"; secret values only by length. */
export function describeReading(reader: ReaderName, reading: Reading, secret: boolean): string {
  const label = readerLabels[reader];
  if (reading.kind === 'nothing') return `${label} gets nothing`;
  if (reading.kind === 'error') return `${label} stops: ${reading.message}`;
  return `${label} gets ${secret ? hiddenValue(reading.value) : JSON.stringify(reading.value)}`;
}

/** The readings of several readers, joined into one clause. */
export function describeReadings(readings: Partial<Record<ReaderName, Reading>>, secret: boolean): string {
  const names: ReaderName[] = ['flask', 'vite', 'compose'];
  return names
    .flatMap((name) => {
      const reading = readings[name];
      return reading ? [describeReading(name, reading, secret)] : [];
    })
    .join(', ');
}
