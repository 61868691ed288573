/** The run's output sink, with every line also kept in the control server's log book, masked as the log file gets it. */
import type { LineMask, ServiceOutputSink } from '../../os/output-sink.js';
import { maskBlock } from '../../text/masked-block.js';
import type { LogBook } from './log-book.js';

/** sink, each block and notice also added to book: masked and without colour codes, exactly as the service's log file gets it. */
export function recordingSink<S extends ServiceOutputSink & { flush(): void }>(sink: S, book: LogBook, mask: LineMask): ServiceOutputSink & { flush(): void } {
  return {
    lines(service, stream, block) {
      book.add(service, stream, maskBlock(block, mask, false).plain);
      sink.lines(service, stream, block);
    },
    line(service, stream, text) {
      book.add(service, stream, maskBlock(text, mask, false).plain);
      sink.line(service, stream, text);
    },
    notice(service, text) {
      book.add(service, 'tovrun', maskBlock(text, mask, false).plain);
      sink.notice(service, text);
    },
    whenWritable: () => sink.whenWritable(),
    close: () => sink.close(),
    flush: () => sink.flush(),
  };
}
