// Where a frame of translated code is in the Python source, for tracebacks. `pyts run` writes each module's source
// map beside it (linked by its `//# sourceMappingURL=` comment); the map's names give the Python function of each
// line, which is what a traceback's `in …` shows. Maps are read when a traceback is printed, never before.
import { fs } from './node-modules.js';
import { SourceMap } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A position in a Python file, as a traceback line shows it. */
export interface PythonLocation {
  /** the file as CPython names it: an absolute path */
  file: string;
  /** 1-based */
  line: number;
  /** the Python function, or null for module level */
  name: string | null;
  /** the line's text, stripped, when the file can be read */
  text: string | null;
}

// Relative source names in the maps are relative to the working folder the program started in, as the script
// path given to `pyts run` is (the program may change folders before it fails).
const startFolder = process.cwd();

const maps = new Map<string, SourceMap | null>();
const sourceLines = new Map<string, string[] | null>();

/** The Python position of a JS frame (file URL or path; 1-based line and column), or null when it has no map. */
export function pythonLocation(location: string, line: number, column: number): PythonLocation | null {
  const path = location.startsWith('file://') ? fileURLToPath(location) : location;
  const map = mapOf(path);
  if (map === null) return null;
  const entry = map.findEntry(line - 1, column - 1) as {
    originalSource?: string;
    originalLine?: number;
    name?: string;
  };
  if (entry.originalSource === undefined || entry.originalLine === undefined) return null;
  const file = resolve(startFolder, safeDecode(entry.originalSource));
  return { file, line: entry.originalLine + 1, name: entry.name ?? null, text: lineText(file, entry.originalLine) };
}

function mapOf(path: string): SourceMap | null {
  let map = maps.get(path);
  if (map === undefined) {
    map = readMap(path);
    maps.set(path, map);
  }
  return map;
}

function readMap(path: string): SourceMap | null {
  try {
    const code = fs.readFileSync(path, 'utf8');
    const link = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
    if (link === undefined) return null;
    const json = link.startsWith('data:')
      ? Buffer.from(link.slice(link.indexOf(',') + 1), 'base64').toString('utf8')
      : fs.readFileSync(resolve(dirname(path), safeDecode(link)), 'utf8');
    return new SourceMap(JSON.parse(json));
  } catch {
    return null;
  }
}

// Lib/linecache.py: the text is read from the file when the traceback is printed.
function lineText(file: string, index: number): string | null {
  let lines = sourceLines.get(file);
  if (lines === undefined) {
    try {
      lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
    } catch {
      lines = null;
    }
    sourceLines.set(file, lines);
  }
  const text = lines?.[index]?.trim();
  return text ? text : null;
}

/** Source map sources are URLs: esbuild escapes a relative name's spaces and non-ASCII letters. */
function safeDecode(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
