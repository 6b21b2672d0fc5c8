// Lines the preview shows side by side, from a translation's source map: each Python statement's first line stands
// beside the first TypeScript line that maps to it, in order; the lines between two such pairs (comments, blank
// lines, closing braces, the rest of a multi-line statement) fill the rows between them, each side in its order,
// a comment beside its translation.
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

/**
 * Rows pairing the Python lines with the TypeScript lines whose origins are `origins`. Between two pairs, blank
 * lines and comments are matched by their text (`# note` with `// note`: a longest common subsequence), and the
 * lines left between those are set side by side in order.
 */
export function alignLines(
  python: readonly string[],
  typescript: readonly string[],
  origins: readonly (number | null)[],
): AlignedRow[] {
  const rows: AlignedRow[] = [];
  const firstLineOf = new Map<number, number>();
  origins.forEach((origin, index) => {
    if (origin !== null && !firstLineOf.has(origin)) firstLineOf.set(origin, index);
  });
  const row = (py: number | null, ts: number | null, paired = false): AlignedRow => ({
    python: py === null ? null : py + 1,
    typescript: ts === null ? null : ts + 1,
    origin: ts === null ? null : (origins[ts] ?? null),
    paired,
  });
  let nextPython = 0;
  let pending: number[] = [];
  const fill = (untilPython: number) => {
    const gapPython: number[] = [];
    for (; nextPython < untilPython; nextPython++) gapPython.push(nextPython);
    rows.push(...gapRows(gapPython, pending, python, typescript, row));
    pending = [];
  };
  origins.forEach((origin, index) => {
    // a statement opens a pair when it is the first translation of its line and keeps the Python order
    if (origin !== null && origin > nextPython && origin <= python.length && firstLineOf.get(origin) === index) {
      fill(origin - 1);
      rows.push(row(origin - 1, index, true));
      nextPython = origin;
    } else {
      pending.push(index);
    }
  });
  fill(python.length);
  return rows;
}

/** The rows of a stretch between two pairs (0-based line indexes in, rows out). */
function gapRows(
  py: readonly number[],
  ts: readonly number[],
  python: readonly string[],
  typescript: readonly string[],
  row: (py: number | null, ts: number | null) => AlignedRow,
): AlignedRow[] {
  const pyKeys = py.map((i) => matchKey(python[i]!, '#'));
  const tsKeys = ts.map((i) => matchKey(typescript[i]!, '//'));
  // lcs[i][j]: length of the longest common subsequence of pyKeys[i..] and tsKeys[j..]
  const lcs = Array.from({ length: py.length + 1 }, () => new Array<number>(ts.length + 1).fill(0));
  for (let i = py.length - 1; i >= 0; i--) {
    for (let j = ts.length - 1; j >= 0; j--) {
      lcs[i]![j] =
        pyKeys[i] !== null && pyKeys[i] === tsKeys[j]
          ? lcs[i + 1]![j + 1]! + 1
          : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const rows: AlignedRow[] = [];
  let loosePy: number[] = [];
  let looseTs: number[] = [];
  const flush = () => {
    for (let k = 0; k < Math.max(loosePy.length, looseTs.length); k++)
      rows.push(row(loosePy[k] ?? null, looseTs[k] ?? null));
    loosePy = [];
    looseTs = [];
  };
  let i = 0;
  let j = 0;
  while (i < py.length || j < ts.length) {
    if (i < py.length && j < ts.length && pyKeys[i] !== null && pyKeys[i] === tsKeys[j]) {
      flush();
      rows.push(row(py[i++]!, ts[j++]!));
    } else if (j >= ts.length || (i < py.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      loosePy.push(py[i++]!);
    } else {
      looseTs.push(ts[j++]!);
    }
  }
  flush();
  return rows;
}

/** What a blank or comment line is matched by across the languages; null for code. */
function matchKey(line: string, commentMark: string): string | null {
  const text = line.trim();
  if (text === '') return '';
  return text.startsWith(commentMark) ? `#${text.slice(commentMark.length).trim()}` : null;
}
