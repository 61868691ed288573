/** Replacing matches of many secrets in text with ***, overlapping ones as one, whatever the secrets' sizes. */
import { escapeRegex } from './regex.js';

/** A match of one matcher: where it starts and how long it is. */
interface Found {
  index: number;
  length: number;
}

/** One way of finding secrets in text: a regular expression, or a plain string search for a very long secret. */
interface Matcher {
  /** The leftmost match starting at from or later, or null. */
  next(text: string, from: number): Found | null;
  /** The length of the longest match starting exactly at position, 0 when none does. */
  longestAt(text: string, position: number): number;
}

function regexMatcher(source: string): Matcher {
  const anywhere = new RegExp(source, 'g');
  const sticky = new RegExp(source, 'y');
  return {
    next(text, from) {
      anywhere.lastIndex = from;
      const match = anywhere.exec(text);
      return match ? { index: match.index, length: match[0].length } : null;
    },
    longestAt(text, position) {
      sticky.lastIndex = position;
      return sticky.exec(text)?.[0].length ?? 0;
    },
  };
}

function literalMatcher(literal: string): Matcher {
  return {
    next(text, from) {
      const index = text.indexOf(literal, from);
      return index < 0 ? null : { index, length: literal.length };
    },
    longestAt: (text, position) => (text.startsWith(literal, position) ? literal.length : 0),
  };
}

/**
 * V8 refuses a regular expression whose source is a few tens of thousands of characters ("Regular expression too
 * large"), and a .env value can be any length: a literal longer than this is searched as a plain string, and the
 * patterns are compiled in chunks whose sources stay under maxPatternSource.
 */
export const maxRegexLiteral = 1_000;
const maxPatternSource = 16_000;

/** Alternatives joined into as few regular expressions as the size limit allows, in their order. */
function chunkedRegexMatchers(patterns: readonly string[]): Matcher[] {
  const matchers: Matcher[] = [];
  let chunk: string[] = [];
  let size = 0;
  for (const pattern of patterns) {
    if (chunk.length > 0 && size + pattern.length + 1 > maxPatternSource) {
      matchers.push(regexMatcher(chunk.join('|')));
      chunk = [];
      size = 0;
    }
    chunk.push(pattern);
    size += pattern.length + 1;
  }
  if (chunk.length > 0) matchers.push(regexMatcher(chunk.join('|')));
  return matchers;
}

/**
 * One group of what OverlapMasker looks for: plain literals (longest first), then regex patterns such as whole-word
 * secrets, so the group's first match at a position is its longest there. A pattern that may match longer than the
 * literals (a URL password) goes in a group of its own.
 */
export interface MaskTargets {
  literals: readonly string[];
  patterns: readonly string[];
}

/** Replaces every match of some literals and patterns in text with a mask, overlapping matches as one (their union). */
export class OverlapMasker {
  private readonly matchers: Matcher[];

  /** Each group is compiled apart, so the longest match at a position is the longest of any group's. */
  constructor(
    groups: readonly MaskTargets[],
    private readonly mask: string,
  ) {
    this.matchers = groups.flatMap((group) => {
      const short = group.literals.filter((literal) => literal.length <= maxRegexLiteral).map(escapeRegex);
      const long = group.literals.filter((literal) => literal.length > maxRegexLiteral);
      return [...chunkedRegexMatchers([...short, ...group.patterns]), ...long.map(literalMatcher)];
    });
  }

  /** Whether there is anything to look for. */
  get empty(): boolean {
    return this.matchers.length === 0;
  }

  /**
   * Text unchanged when nothing matches. Otherwise each leftmost match, grown while a match starting inside it runs
   * past its end (one secret's end is another's start, a URL password runs into a secret), becomes the mask.
   */
  apply(text: string): string {
    const pending: (Found | null)[] = this.matchers.map((matcher) => matcher.next(text, 0));
    let match = this.leftmost(text, pending, 0);
    if (!match) return text;
    let masked = '';
    let copied = 0;
    while (match) {
      const start = match.index;
      let end = start + Math.max(1, match.length);
      for (let position = start; position < end; position++) end = Math.max(end, position + this.longestAt(text, position));
      masked += `${text.slice(copied, start)}${this.mask}`;
      copied = end;
      match = this.leftmost(text, pending, end);
    }
    return masked + text.slice(copied);
  }

  /** The leftmost match at from or later among all matchers, refreshing each matcher's next match once it falls behind. */
  private leftmost(text: string, pending: (Found | null)[], from: number): Found | null {
    let best: Found | null = null;
    for (const [i, matcher] of this.matchers.entries()) {
      let found = pending[i] ?? null;
      if (found && found.index < from) found = pending[i] = matcher.next(text, from);
      if (found && (!best || found.index < best.index)) best = found;
    }
    return best;
  }

  private longestAt(text: string, position: number): number {
    let longest = 0;
    for (const matcher of this.matchers) longest = Math.max(longest, matcher.longestAt(text, position));
    return longest;
  }
}
