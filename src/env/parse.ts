/** Parses .env text the way python-dotenv (Flask's reader) does, keeping line numbers: tovrun's primary reading. */

/** The quote a value was written in. */
export type QuoteChar = '"' | "'";

/** A `KEY=value` (or bare `KEY`) statement. */
export interface EnvEntry {
  kind: 'entry';
  key: string;
  /** Decoded value: quotes removed, python-dotenv escapes applied, no interpolation; null when there is no `=`. */
  value: string | null;
  quote: QuoteChar | null;
  /** The value as written: inside the quotes when quoted, else the rest of the line (comment included). */
  rawValue: string | null;
  exported: boolean;
  /** 1-based first and last line (a quoted value may span lines). */
  line: number;
  endLine: number;
  /** The statement's source text. */
  text: string;
}

/** A comment line. */
export interface EnvComment {
  kind: 'comment';
  line: number;
  endLine: number;
  text: string;
}

/** A statement python-dotenv cannot parse (it warns and skips it). */
export interface EnvInvalid {
  kind: 'invalid';
  /** The key it seems to set, when one can be made out. */
  key: string | null;
  line: number;
  endLine: number;
  text: string;
}

/** One statement of a .env file. */
export type EnvStatement = EnvEntry | EnvComment | EnvInvalid;

/** A parsed .env file. */
export interface ParsedEnv {
  statements: EnvStatement[];
  entries: EnvEntry[];
  /** The source lines (line n is lines[n - 1]), without line terminators. */
  lines: string[];
  /** True when the text started with a UTF-8 byte-order mark. */
  bom: boolean;
}

// python-dotenv's grammar (dotenv/parser.py of python-dotenv 1.2), as sticky JavaScript regexes.
const grammar = {
  multilineWhitespace: /\s*/y,
  whitespace: /[^\S\r\n]*/y,
  exportPrefix: /(?:export[^\S\r\n]+)?/y,
  singleQuotedKey: /'([^']+)'/y,
  unquotedKey: /([^=#\s]+)/y,
  equalSign: /(=[^\S\r\n]*)/y,
  // A backslash escapes any character after it, so `\\` is never taken for the start of an escaped quote.
  singleQuotedValue: /'((?:\\.|[^'\\])*)'/sy,
  doubleQuotedValue: /"((?:\\.|[^"\\])*)"/sy,
  unquotedValue: /([^\r\n]*)/y,
  comment: /(?:[^\S\r\n]*#[^\r\n]*)?/y,
  endOfLine: /[^\S\r\n]*(?:\r\n|\n|\r|$)/y,
  restOfLine: /[^\r\n]*(?:\r|\n|\r\n)?/y,
};

const doubleQuoteEscapes: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

class ParseFailure extends Error {}

/** A cursor over the text that reads python-dotenv's tokens. */
class Reader {
  position = 0;
  constructor(readonly text: string) {}

  hasNext(): boolean {
    return this.position < this.text.length;
  }

  peek(): string {
    return this.text.charAt(this.position);
  }

  /** The rest of the current line, without consuming it. */
  peekLine(): string {
    return /^[^\r\n]*/.exec(this.text.slice(this.position))?.[0] ?? '';
  }

  read(pattern: RegExp): string[] {
    pattern.lastIndex = this.position;
    const match = pattern.exec(this.text);
    if (!match) throw new ParseFailure(`expected ${pattern.source}`);
    this.position = pattern.lastIndex;
    return match.slice(1).map((group) => group ?? '');
  }
}

function decodeEscapes(value: string, quote: QuoteChar): string {
  const pattern = quote === '"' ? /\\[\\'"abfnrtv]/g : /\\[\\']/g;
  return value.replace(pattern, (sequence) => doubleQuoteEscapes[sequence.charAt(1)] ?? sequence);
}

function readKey(reader: Reader): string | null {
  const first = reader.peek();
  if (first === '#') return null;
  const [key] = reader.read(first === "'" ? grammar.singleQuotedKey : grammar.unquotedKey);
  return key ?? '';
}

function readValue(reader: Reader): Pick<EnvEntry, 'value' | 'quote' | 'rawValue'> {
  const first = reader.peek();
  if (first === "'" || first === '"') {
    const [raw = ''] = reader.read(first === "'" ? grammar.singleQuotedValue : grammar.doubleQuotedValue);
    return { value: decodeEscapes(raw, first), quote: first, rawValue: raw };
  }
  if (first === '' || first === '\n' || first === '\r') return { value: '', quote: null, rawValue: '' };
  const [raw = ''] = reader.read(grammar.unquotedValue);
  return { value: withoutInlineComment(raw).trimEnd(), quote: null, rawValue: raw };
}

function readAssignment(reader: Reader): Pick<EnvEntry, 'value' | 'quote' | 'rawValue'> {
  if (reader.peek() !== '=') return { value: null, quote: null, rawValue: null };
  const [equalSign = ''] = reader.read(grammar.equalSign);
  // `KEY= # comment` is an empty value followed by a comment; `KEY=#x` is the value "#x".
  if (equalSign.length > 1 && reader.peek() === '#') return { value: '', quote: null, rawValue: reader.peekLine() };
  return readValue(reader);
}

/** Start offsets of every line, for turning offsets into 1-based line numbers. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (char === '\n' || (char === '\r' && text.charAt(index + 1) !== '\n')) starts.push(index + 1);
  }
  return starts;
}

/** The 1-based line holding offset (binary search over the line starts). */
function lineAt(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/** The key a line python-dotenv rejects seems to set, e.g. `KEY="a"b` → KEY. */
function guessKey(text: string): string | null {
  return /^\s*(?:export\s+)?([^=#\s]+)\s*=/.exec(text)?.[1] ?? null;
}

/** The text after the first `=` of a line python-dotenv rejects (what its author meant as the value). */
export function invalidValueText(statement: EnvInvalid): string {
  return statement.text.slice(statement.text.indexOf('=') + 1).trim();
}

/** An unquoted value without its inline comment (whitespace, then `#`, then the rest of the line). */
export function withoutInlineComment(raw: string): string {
  // (?<!\s) starts a match only where a whitespace run starts: the same match as /\s+#.*/, in linear time on long runs.
  return raw.replace(/(?<!\s)\s+#.*/, '');
}

/** Parses .env text into statements with python-dotenv's semantics (values not yet interpolated). */
export function parseEnv(source: string): ParsedEnv {
  const bom = source.startsWith('\uFEFF');
  const text = bom ? source.slice(1) : source;
  const starts = lineStarts(text);
  const reader = new Reader(text);
  const statements: EnvStatement[] = [];
  while (reader.hasNext()) {
    reader.read(grammar.multilineWhitespace);
    if (!reader.hasNext()) break;
    const begin = reader.position;
    const located = (end: number) => ({
      line: lineAt(starts, begin),
      endLine: lineAt(starts, Math.max(begin, end - 1)),
      text: text.slice(begin, end).replace(/[\r\n]+$/, ''),
    });
    try {
      reader.read(grammar.exportPrefix);
      const exported = reader.position > begin;
      const key = readKey(reader);
      reader.read(grammar.whitespace);
      const value = readAssignment(reader);
      reader.read(grammar.comment);
      reader.read(grammar.endOfLine);
      const where = located(reader.position);
      statements.push(key === null ? { kind: 'comment', ...where } : { kind: 'entry', key, exported, ...value, ...where });
    } catch (error) {
      if (!(error instanceof ParseFailure)) throw error;
      reader.read(grammar.restOfLine);
      const where = located(reader.position);
      statements.push({ kind: 'invalid', key: guessKey(where.text), ...where });
    }
  }
  const entries = statements.filter((statement): statement is EnvEntry => statement.kind === 'entry');
  return { statements, entries, lines: text.split(/\r\n|\n|\r/), bom };
}
