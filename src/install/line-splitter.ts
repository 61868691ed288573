/** Turns streamed chunks of text into whole lines. */

/** Splits streamed text into whole lines for onLine; flush passes on an unterminated last line. */
export function lineSplitter(onLine: (line: string) => void): { push(chunk: string): void; flush(): void } {
  let pending = '';
  return {
    push(chunk) {
      const parts = (pending + chunk).split(/\r?\n|\r/);
      pending = parts.pop() ?? '';
      for (const part of parts) onLine(part);
    },
    flush() {
      if (pending) onLine(pending);
      pending = '';
    },
  };
}
