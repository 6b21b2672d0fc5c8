// "Did you mean 'asyncio.as_completed'?" — the closest known asyncio name by edit distance.
import { ASYNCIO_MODULE } from './table.js';

/** The asyncio name closest to `name`, or null when nothing is close enough to be a plausible typo. */
export function suggestAsyncioName(name: string): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  const lowered = name.toLowerCase();
  for (const [candidate, loweredCandidate] of CANDIDATES) {
    const d = editDistance(lowered, loweredCandidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  // tsc's rule of thumb: at most a third of the name may differ
  return best !== null && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : null;
}

/** asyncio's names, each with its lower-case spelling (the comparison ignores case) */
const CANDIDATES: readonly (readonly [string, string])[] = Object.keys(ASYNCIO_MODULE).map((n) => [n, n.toLowerCase()]);

/** Levenshtein distance, over two rows reused between calls (a typo is compared with every asyncio name). */
function editDistance(a: string, b: string): number {
  if (rows[0].length <= b.length) rows = [new Uint32Array(b.length + 1), new Uint32Array(b.length + 1)];
  let [previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

let rows: [Uint32Array, Uint32Array] = [new Uint32Array(32), new Uint32Array(32)];
