/** Whether a version satisfies an npm `engines` range (`^20.19.0 || >=22.12.0`): the subset of semver ranges engines use. */
import { compareVersions, type Version } from '../text/version.js';

type Operator = '>=' | '>' | '<' | '<=' | '=';

interface Comparator {
  operator: Operator;
  version: Version;
}

/** A version with wildcards: the parts before the first x/X/* or missing part. */
type Partial = number[];

const partialPattern = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

function parsePartial(text: string): Partial | undefined {
  const match = partialPattern.exec(text);
  if (!match) return undefined;
  const parts: number[] = [];
  for (const part of match.slice(1, 4)) {
    if (part === undefined || /[xX*]/.test(part)) break;
    parts.push(Number(part));
  }
  return parts;
}

const full = (parts: Partial): Version => [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];

/** The version right above every version matching the partial (20 → 21.0.0, 20.19 → 20.20.0). */
function nextAfter(parts: Partial): Version {
  if (parts.length === 0) return [Infinity, 0, 0];
  const bumped = [...parts];
  bumped[bumped.length - 1] = (bumped[bumped.length - 1] ?? 0) + 1;
  return full(bumped);
}

function caretUpper(parts: Partial): Version {
  const [major = 0, minor, patch] = parts;
  if (major > 0 || minor === undefined) return [major + 1, 0, 0];
  if (minor > 0 || patch === undefined) return [0, minor + 1, 0];
  return [0, 0, patch + 1];
}

function comparatorsOf(operator: string, parts: Partial): Comparator[] {
  const complete = parts.length === 3;
  switch (operator) {
    case '^':
      return [
        { operator: '>=', version: full(parts) },
        { operator: '<', version: caretUpper(parts) },
      ];
    case '~':
      return [
        { operator: '>=', version: full(parts) },
        { operator: '<', version: nextAfter(parts.length >= 2 ? parts.slice(0, 2) : parts) },
      ];
    case '>=':
      return [{ operator: '>=', version: full(parts) }];
    case '>':
      return [complete ? { operator: '>', version: full(parts) } : { operator: '>=', version: nextAfter(parts) }];
    case '<':
      return [{ operator: '<', version: full(parts) }];
    case '<=':
      return [complete ? { operator: '<=', version: full(parts) } : { operator: '<', version: nextAfter(parts) }];
    default:
      return complete
        ? [{ operator: '=', version: full(parts) }]
        : [
            { operator: '>=', version: full(parts) },
            { operator: '<', version: nextAfter(parts) },
          ];
  }
}

/** The comparators of one space-separated set (or a hyphen range `a - b`); undefined when a part cannot be read. */
function parseSet(text: string): Comparator[] | undefined {
  const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(text);
  if (hyphen) {
    const low = parsePartial(hyphen[1] ?? '');
    const high = parsePartial(hyphen[2] ?? '');
    return low && high ? [...comparatorsOf('>=', low), ...comparatorsOf('<=', high)] : undefined;
  }
  const comparators: Comparator[] = [];
  for (const token of text
    .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
    .split(/\s+/)
    .filter(Boolean)) {
    const match = /^(>=|<=|>|<|=|\^|~)?(.*)$/.exec(token);
    const parts = parsePartial(match?.[2] ?? '');
    if (!parts) return undefined;
    comparators.push(...comparatorsOf(match?.[1] ?? '', parts));
  }
  return comparators;
}

function holds(version: Version, comparator: Comparator): boolean {
  const order = compareVersions(version, comparator.version);
  if (comparator.operator === '>=') return order >= 0;
  if (comparator.operator === '>') return order > 0;
  if (comparator.operator === '<') return order < 0;
  if (comparator.operator === '<=') return order <= 0;
  return order === 0;
}

/** true / false, or undefined when the range is not one tovrun can read. */
export function satisfiesRange(version: Version, range: string): boolean | undefined {
  const sets = range.trim() === '' ? [''] : range.split('||').map((set) => set.trim());
  let readable = false;
  for (const set of sets) {
    const comparators = set === '' || set === '*' ? [] : parseSet(set);
    if (comparators === undefined) continue;
    readable = true;
    if (comparators.every((comparator) => holds(version, comparator))) return true;
  }
  return readable ? false : undefined;
}
