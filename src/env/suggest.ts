/** "Did you mean X?" for keys: the closest known name to a misspelt one. */

/** Edits (insert, delete, substitute, swap two neighbours) turning a into b: the optimal string alignment distance. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => rows[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** The known key closest to key (same letters ignoring case and _, or a few edits away), or null. */
export function closestKey(key: string, known: Iterable<string>): string | null {
  const normalized = (name: string) => name.toUpperCase().replace(/_/g, '');
  let best: { name: string; distance: number } | null = null;
  for (const name of known) {
    const distance = normalized(name) === normalized(key) ? 0 : editDistance(key.toUpperCase(), name.toUpperCase());
    if (!best || distance < best.distance) best = { name, distance };
  }
  const allowed = Math.max(1, Math.min(3, Math.floor(key.length / 4)));
  return best && best.distance <= allowed ? best.name : null;
}
