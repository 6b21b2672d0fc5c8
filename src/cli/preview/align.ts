// Lines the preview shows side by side, from a translation's source map: each Python statement's first line stands
// beside the first TypeScript line that maps to it, in order; the lines between two such pairs (comments, blank
// lines, closing braces, the rest of a multi-line statement) fill the rows between them, each side in its order.
import { decodedMappings, TraceMap } from '@jridgewell/trace-mapping';
import type { EncodedSourceMap } from '../../api.js';

/** One row of the side-by-side view; line numbers are 1-based, null for an empty cell. */
export interface AlignedRow {
  python: number | null;
  typescript: number | null;
  /** the Python line the TypeScript line maps to (it may stand in another row), or null */
  origin: number | null;
  /** the two lines are a statement and its translation, paired through the map */
  paired: boolean;
}

/** For each TypeScript line (0-based index), the Python line (1-based) the map gives for it, or null. */
export function typeScriptLineOrigins(map: EncodedSourceMap, typeScriptLineCount: number): (number | null)[] {
  const lines = decodedMappings(new TraceMap(map));
  return Array.from({ length: typeScriptLineCount }, (_, index) => {
    const segment = lines[index]?.[0];
    // [generated column] alone, or [generated column, source, original line (0-based), original column, name?]
    return segment !== undefined && segment.length >= 4 ? segment[2]! + 1 : null;
  });
}

/** Rows pairing `pythonLineCount` Python lines with TypeScript lines whose origins are `origins`. */
export function alignLines(pythonLineCount: number, origins: readonly (number | null)[]): AlignedRow[] {
  const rows: AlignedRow[] = [];
  const firstLineOf = new Map<number, number>();
  origins.forEach((origin, index) => {
    if (origin !== null && !firstLineOf.has(origin)) firstLineOf.set(origin, index);
  });
  let nextPython = 1;
  let pending: number[] = [];
  const fill = (untilPython: number) => {
    const python: number[] = [];
    for (; nextPython < untilPython; nextPython++) python.push(nextPython);
    for (let i = 0; i < Math.max(python.length, pending.length); i++) {
      const typescript = pending[i];
      rows.push({
        python: python[i] ?? null,
        typescript: typescript === undefined ? null : typescript + 1,
        origin: typescript === undefined ? null : (origins[typescript] ?? null),
        paired: false,
      });
    }
    pending = [];
  };
  origins.forEach((origin, index) => {
    // a statement opens a pair when it is the first translation of its line and keeps the Python order
    if (origin !== null && origin >= nextPython && origin <= pythonLineCount && firstLineOf.get(origin) === index) {
      fill(origin);
      rows.push({ python: origin, typescript: index + 1, origin, paired: true });
      nextPython = origin + 1;
    } else {
      pending.push(index);
    }
  });
  fill(pythonLineCount + 1);
  return rows;
}
