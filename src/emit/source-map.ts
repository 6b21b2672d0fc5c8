// The source map of an emitted module: each line of the TypeScript back to the Python statement it came from.
// Translate puts a marker comment in front of each statement (translate/source-markers.ts); emit removes the
// markers, so that the output is byte for byte what it is without a map, and keeps what they said: directly for
// text that is not formatted (below), through the statements' order for text prettier reprints (formatted-lines.ts).
import { GenMapping, addMapping, setSourceContent, toEncodedMap, type EncodedSourceMap } from '@jridgewell/gen-mapping';
import { parseSourceMarker, SOURCE_MARKERS, type StatementOrigin } from '../translate/source-markers.js';

export type { EncodedSourceMap } from '@jridgewell/gen-mapping';

/** The text without its source markers: what emit formats and what the reader gets. */
export function stripSourceMarkers(marked: string): string {
  return marked.replace(SOURCE_MARKERS, '');
}

/** The origin of one line of the output, with the column where its code starts. */
export interface LineOrigin extends StatementOrigin {
  /** 0-based column of the line's first character of code */
  generatedColumn: number;
}

/**
 * The text without its markers, and for each of its lines (0-based) the statement it belongs to: the last marker at
 * or before the line's end. Used for text that is not formatted afterwards, so the markers' places are final and
 * no parse is needed; a closing brace then maps to the statement before it, which no stack frame points at.
 */
export function scannedLineOrigins(marked: string): { code: string; origins: (LineOrigin | null)[] } {
  const origins: (LineOrigin | null)[] = [];
  let code = '';
  let current: StatementOrigin | null = null;
  for (const line of marked.split('\n')) {
    let text = '';
    let markerColumn = -1;
    let from = 0;
    for (const match of line.matchAll(SOURCE_MARKERS)) {
      text += line.slice(from, match.index);
      from = match.index + match[0].length;
      current = parseSourceMarker(match[0].trimEnd());
      markerColumn = text.length;
    }
    text += line.slice(from);
    code += (origins.length === 0 ? '' : '\n') + text;
    const firstCode = text.search(/\S/);
    const column = markerColumn !== -1 ? markerColumn : firstCode;
    origins.push(current === null || firstCode === -1 ? null : { ...current, generatedColumn: column });
  }
  return { code, origins };
}

/** A source map (version 3) from line origins: `source` names the Python file, as seen from where the map goes. */
export function buildSourceMap(
  origins: readonly (LineOrigin | null)[],
  options: { file: string; source: string; sourceContent?: string },
): EncodedSourceMap {
  const map = new GenMapping({ file: options.file });
  if (options.sourceContent !== undefined) setSourceContent(map, options.source, options.sourceContent);
  for (const [line, origin] of origins.entries()) {
    if (origin === null) continue;
    const generated = { line: line + 1, column: origin.generatedColumn };
    const original = { line: origin.line, column: origin.column };
    // the name is the Python function the line belongs to: what a traceback's `in …` shows
    if (origin.scope === null) addMapping(map, { generated, source: options.source, original });
    else addMapping(map, { generated, source: options.source, original, name: origin.scope });
  }
  return toEncodedMap(map);
}
