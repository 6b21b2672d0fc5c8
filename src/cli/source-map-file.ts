// `--source-map`: each `X.ts` gets `X.ts.map` beside it, linked by a `//# sourceMappingURL=` comment at its end, with
// the Python file named as seen from the map (source map paths are relative to the map, as URLs).
import { basename, dirname, relative, sep } from 'node:path';
import type { EncodedSourceMap } from '../api.js';

/** What goes on disk for one translation with its map. */
export interface LinkedOutput {
  /** the TypeScript, ending with the link to its map */
  code: string;
  map: { path: string; content: string };
}

/**
 * The files for `code` written at `target` with `map` beside it. `pythonPath` is the source as the CLI was given it
 * (null for standard input, which keeps the name the map has).
 */
export function linkSourceMap(
  target: string,
  pythonPath: string | null,
  code: string,
  map: EncodedSourceMap,
): LinkedOutput {
  const sources =
    pythonPath === null
      ? map.sources
      : [relative(dirname(target), pythonPath).split(sep).map(encodeURIComponent).join('/')];
  const mapName = `${basename(target)}.map`;
  return {
    code: `${code}//# sourceMappingURL=${encodeURIComponent(mapName)}\n`,
    map: { path: `${target}.map`, content: `${JSON.stringify({ ...map, file: basename(target), sources })}\n` },
  };
}
