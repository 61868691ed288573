/** How to write a line so Flask, Vite and docker compose all read the same value, per cause of disagreement. */
import type { ReaderDisagreement } from './disagreements.js';

/** The fix for a disagreement, in one or two sentences. */
export function portableHint(disagreement: ReaderDisagreement): string {
  const { key } = disagreement;
  switch (disagreement.cause) {
    case 'after-quote':
      return `Keep the whole value inside the quotes (${key}="..."); only a comment may follow the closing quote, after a space.`;
    case 'unterminated-quote':
      return `Close the quote on the same line: ${key}="...". Multi-line values are read differently by each reader.`;
    case 'joined-line':
      return `Line ${disagreement.joinedTo} has no "=": Node's parser, which Vite uses, reads it and this line as one key. Add "=" to line ${disagreement.joinedTo} or delete it.`;
    case 'backticks':
      return `Use double quotes instead of backticks: ${key}="...". Vite strips backticks, Flask and compose keep them in the value.`;
    case 'hash':
      return `Put the value in double quotes (${key}="a#b"): all three then keep the #. An inline comment needs a space, not a tab, before #.`;
    case 'shell-modifier':
      return 'Only compose understands ${NAME:?...}, ${NAME?...}, ${NAME:+...}, ${NAME+...} and ${NAME-...}; write ${NAME} or ${NAME:-default}, and let `tovrun check env` report a missing NAME.';
    case 'later-reference':
      return `Move ${disagreement.laterKey ?? 'the referenced key'} above line ${disagreement.line}: Flask and compose only see keys defined above the line that uses them, Vite sees the whole file.`;
    case 'single-quoted-dollar':
      return 'compose reads single-quoted values literally, while Flask and Vite still expand ${NAME} in them (Vite also $NAME). Use double quotes for a reference; avoid $ for a literal.';
    case 'double-dollar':
    case 'dollar':
      return (
        'No spelling of a literal $ is read alike by all three (Vite and compose expand $NAME, compose turns $$ into $, Flask keeps both). ' +
        'Choose a value without $, or refer to keys defined above as ${NAME}.'
      );
    case 'backslash':
      return (
        'Backslashes are decoded differently (inside double quotes Flask decodes \\t \\\\ \\", Vite only \\n, compose \\n \\r \\t \\\\). ' +
        "Avoid them, or use single quotes, where all three keep a backslash as written (unless it precedes ' or another backslash)."
      );
    case 'other':
      return `Write the value with plain characters, in double quotes if it has spaces: ${key}="...".`;
  }
}
