/** The value types a .env.template can state for a key: parsing `@type=...`, checking values, inferring from examples. */

/** A key's type. */
export type ValueType =
  | { kind: 'string' }
  | { kind: 'int' }
  | { kind: 'port' }
  | { kind: 'bool' }
  | { kind: 'url' }
  | { kind: 'email' }
  | { kind: 'enum'; values: string[] };

/** The type names `@type=` accepts. */
export const valueTypeNames = ['string', 'int', 'port', 'bool', 'url', 'email', 'enum(a|b|...)'] as const;

const boolWords = new Set(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off']);
const simpleKinds = new Set(['string', 'int', 'port', 'bool', 'url', 'email']);

/** The type written after `@type=`, or null when it is not one tovrun knows. */
export function parseValueType(text: string): ValueType | null {
  const enumMatch = /^(?:enum|one-of)\((.*)\)$/.exec(text);
  if (enumMatch) {
    const values = (enumMatch[1] ?? '').split('|').map((value) => value.trim());
    return values.some((value) => value === '') ? null : { kind: 'enum', values };
  }
  return simpleKinds.has(text) ? ({ kind: text } as ValueType) : null;
}

function isUrl(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\/\S*$/.test(value)) return false;
  return URL.canParse(value);
}

/** Whether value is of type. */
export function matchesValueType(value: string, type: ValueType): boolean {
  switch (type.kind) {
    case 'string':
      return true;
    case 'int':
      return /^[+-]?\d+$/.test(value);
    case 'port':
      return /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 65535;
    case 'bool':
      return boolWords.has(value.toLowerCase());
    case 'url':
      return isUrl(value);
    case 'email':
      return /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(value);
    case 'enum':
      return type.values.includes(value);
  }
}

/** The type in words, for messages: "a port (1-65535)". */
export function describeValueType(type: ValueType): string {
  switch (type.kind) {
    case 'string':
      return 'a string';
    case 'int':
      return 'a whole number';
    case 'port':
      return 'a port (1-65535)';
    case 'bool':
      return 'a boolean (true, false, 1, 0, yes, no, on, off)';
    case 'url':
      return 'a URL (scheme://...)';
    case 'email':
      return 'an email address';
    case 'enum':
      return `one of ${type.values.join(', ')}`;
  }
}

/** The type an unannotated template key gets from its name and example value. */
export function inferValueType(key: string, example: string): ValueType {
  if (example === '') return { kind: 'string' };
  if (/^(true|false)$/i.test(example)) return { kind: 'bool' };
  if (/PORT$/.test(key) && matchesValueType(example, { kind: 'port' })) return { kind: 'port' };
  if (/^[+-]?\d+$/.test(example)) return { kind: 'int' };
  if (isUrl(example)) return { kind: 'url' };
  if (matchesValueType(example, { kind: 'email' })) return { kind: 'email' };
  return { kind: 'string' };
}
