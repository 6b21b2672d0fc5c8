// The logging levels and their names (Lib/logging/__init__.py _levelToName/_nameToLevel).

import { TypeError, ValueError } from '../builtins/exceptions.js';
import { repr, str } from '../builtins/repr.js';

export const CRITICAL = 50;
export const FATAL = CRITICAL;
export const ERROR = 40;
export const WARNING = 30;
export const WARN = WARNING;
export const INFO = 20;
export const DEBUG = 10;
export const NOTSET = 0;

const levelToName = new Map<number, string>([
  [CRITICAL, 'CRITICAL'],
  [ERROR, 'ERROR'],
  [WARNING, 'WARNING'],
  [INFO, 'INFO'],
  [DEBUG, 'DEBUG'],
  [NOTSET, 'NOTSET'],
]);
const nameToLevel = new Map<string, number>([
  ['CRITICAL', CRITICAL],
  ['FATAL', FATAL],
  ['ERROR', ERROR],
  ['WARN', WARNING],
  ['WARNING', WARNING],
  ['INFO', INFO],
  ['DEBUG', DEBUG],
  ['NOTSET', NOTSET],
]);

/** `logging.getLevelName(level)`: the name of a level, the level of a name, else `'Level %s'`. */
export function getLevelName(level: number | string): string | number {
  if (typeof level === 'number') {
    const name = levelToName.get(level);
    if (name !== undefined) return name;
  } else {
    const value = nameToLevel.get(level);
    if (value !== undefined) return value;
  }
  return `Level ${str(level)}`;
}

/** `logging.addLevelName(level, levelName)`. */
export function addLevelName(level: number, levelName: string): void {
  levelToName.set(level, levelName);
  nameToLevel.set(levelName, level);
}

/** `logging.getLevelNamesMapping()`: a copy of the name-to-level table. */
export function levelNamesMapping(): Map<string, number> {
  return new Map(nameToLevel);
}

/** Lib/logging/__init__.py _checkLevel: an int, or a registered level name. */
export function checkLevel(level: unknown): number {
  if (typeof level === 'number' && Number.isInteger(level)) return level;
  if (typeof level === 'string') {
    const value = nameToLevel.get(level);
    if (value === undefined) throw new ValueError(`Unknown level: ${repr(level)}`);
    return value;
  }
  throw new TypeError(`Level not an integer or a valid string: ${repr(level)}`);
}
