// pyts/runtime/time: Python's time module (Modules/timemodule.c) for translated programs.

import { OverflowError, TypeError, ValueError } from '../builtins/exceptions.js';
import { numberValue, PyFloat, type PyNumber } from '../builtins/py-float.js';
import { repr } from '../builtins/repr.js';
import { namedTuple } from '../builtins/tuple.js';
import { typeName } from '../builtins/type-name.js';

/** `time.time()`: seconds since the epoch, as a float. */
export function time(): number {
  return (performance.timeOrigin + performance.now()) / 1000;
}

/**
 * `time.time_ns()`: nanoseconds since the epoch. A JS number holds it only to about 256 ns (it exceeds 2**53),
 * which differences of two readings do not notice.
 */
export function timeNs(): number {
  return Math.round((performance.timeOrigin + performance.now()) * 1e6);
}

/** `time.monotonic()`: seconds on a clock that never goes back (CLOCK_MONOTONIC, as CPython on Linux). */
export function monotonic(): number {
  return Number(process.hrtime.bigint()) / 1e9;
}

/** `time.monotonic_ns()`. */
export function monotonicNs(): number {
  return Number(process.hrtime.bigint());
}

/** `time.perf_counter()`: the highest-resolution clock, in seconds. */
export function perfCounter(): number {
  return Number(process.hrtime.bigint()) / 1e9;
}

/** `time.perf_counter_ns()`. */
export function perfCounterNs(): number {
  return Number(process.hrtime.bigint());
}

/** `time.process_time()`: CPU time of the process, in seconds. */
export function processTime(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

let sleeper: Int32Array | undefined;

/**
 * `time.sleep(secs)`: blocks the whole process, event loop included, as Python's does (asyncio code should
 * `await asyncio.sleep()`).
 */
export function sleep(secs: PyNumber): void {
  const seconds = secs instanceof PyFloat ? secs.value : secs;
  if (typeof seconds !== 'number') {
    throw new TypeError(`'${typeName(secs)}' object cannot be interpreted as an integer`);
  }
  if (seconds !== seconds) throw new ValueError('Invalid value NaN (not a number)');
  if (seconds < 0) throw new ValueError('sleep length must be non-negative');
  if (!Number.isFinite(seconds)) throw new OverflowError('timestamp too large to convert to C _PyTime_t');
  sleeper ??= new Int32Array(new SharedArrayBuffer(4));
  // Atomics.wait blocks this thread for the timeout: Node's closest equivalent of C's nanosleep.
  const deadline = performance.now() + seconds * 1000;
  for (let left = seconds * 1000; left > 0; left = deadline - performance.now()) Atomics.wait(sleeper, 0, 0, left);
}

const FIELDS = ['tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst'];

/** `time.struct_time`: a 9-item named tuple (year, month 1-12, day, hour, minute, second, weekday Mon=0, yearday, dst). */
export type StructTime = Readonly<number[]> & {
  readonly tmYear: number;
  readonly tmMon: number;
  readonly tmMday: number;
  readonly tmHour: number;
  readonly tmMin: number;
  readonly tmSec: number;
  readonly tmWday: number;
  readonly tmYday: number;
  readonly tmIsdst: number;
};

function structTime(date: Date, utc: boolean): StructTime {
  const get = (local: () => number, universal: () => number): number => (utc ? universal() : local());
  const year = get(() => date.getFullYear(), () => date.getUTCFullYear());
  const month = get(() => date.getMonth(), () => date.getUTCMonth());
  const day = get(() => date.getDate(), () => date.getUTCDate());
  const weekday = (get(() => date.getDay(), () => date.getUTCDay()) + 6) % 7;
  const startOfYear = Date.UTC(year, 0, 1);
  const yearDay = Math.floor((Date.UTC(year, month, day) - startOfYear) / 86400000) + 1;
  const values = [
    year, month + 1, day,
    get(() => date.getHours(), () => date.getUTCHours()),
    get(() => date.getMinutes(), () => date.getUTCMinutes()),
    get(() => date.getSeconds(), () => date.getUTCSeconds()),
    weekday, yearDay, utc ? 0 : isDaylightSaving(date) ? 1 : 0,
  ];
  return namedTuple('time.struct_time', FIELDS, values, repr) as unknown as StructTime;
}

function isDaylightSaving(date: Date): boolean {
  const january = new Date(date.getFullYear(), 0, 1).getTimezoneOffset();
  const july = new Date(date.getFullYear(), 6, 1).getTimezoneOffset();
  return Math.max(january, july) !== date.getTimezoneOffset();
}

function zoneName(date: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? 'UTC';
}

function toDate(secs: PyNumber | null | undefined): Date {
  return new Date(secs === null || secs === undefined ? Date.now() : numberValue(secs) * 1000);
}

/** `time.localtime(secs=None)`. */
export function localtime(secs?: PyNumber | null): StructTime {
  return structTime(toDate(secs), false);
}

/** `time.gmtime(secs=None)`. */
export function gmtime(secs?: PyNumber | null): StructTime {
  return structTime(toDate(secs), true);
}

/** `time.mktime(t)`: the inverse of localtime, as a float. */
export function mktime(t: readonly number[]): number {
  return new Date(t[0]!, t[1]! - 1, t[2]!, t[3]!, t[4]!, t[5]!).getTime() / 1000;
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

/**
 * `time.strftime(format, t=localtime())` in the C locale: %a %A %b %B %c %d %e %H %I %j %m %M %p %S %U %w %x %X
 * %y %Y %z %Z %%; unknown directives are kept as they are, as glibc does.
 */
export function strftime(format: string, t: readonly number[] = localtime()): string {
  const [year, month, day, hour, minute, second, weekday, yearDay] = t as number[];
  const two = (n: number): string => String(n).padStart(2, '0');
  const sundayWeekday = (weekday! + 1) % 7;
  const date = new Date(year!, month! - 1, day!, hour!, minute!, second!);
  return format.replace(/%(.)/gs, (whole, directive: string) => {
    switch (directive) {
      case 'a': return DAYS[weekday!]!.slice(0, 3);
      case 'A': return DAYS[weekday!]!;
      case 'b': case 'h': return MONTHS[month! - 1]!.slice(0, 3);
      case 'B': return MONTHS[month! - 1]!;
      case 'c': return strftime('%a %b %e %H:%M:%S %Y', t);
      case 'd': return two(day!);
      case 'e': return String(day).padStart(2, ' ');
      case 'H': return two(hour!);
      case 'I': return two(hour! % 12 === 0 ? 12 : hour! % 12);
      case 'j': return String(yearDay).padStart(3, '0');
      case 'm': return two(month!);
      case 'M': return two(minute!);
      case 'p': return hour! < 12 ? 'AM' : 'PM';
      case 'S': return two(second!);
      case 'U': return two(Math.floor((yearDay! - 1 - sundayWeekday + 7) / 7));
      case 'w': return String(sundayWeekday);
      case 'x': return strftime('%m/%d/%y', t);
      case 'X': return strftime('%H:%M:%S', t);
      case 'y': return two(year! % 100);
      case 'Y': return String(year);
      case 'z': {
        const offset = -date.getTimezoneOffset();
        const sign = offset < 0 ? '-' : '+';
        return sign + two(Math.floor(Math.abs(offset) / 60)) + two(Math.abs(offset) % 60);
      }
      case 'Z': return zoneName(date);
      case '%': return '%';
      default: return whole;
    }
  });
}

/** `time.asctime(t=localtime())`: 'Thu Jan  1 00:00:00 1970'. */
export function asctime(t: readonly number[] = localtime()): string {
  return strftime('%a %b %e %H:%M:%S %Y', t);
}

/** `time.ctime(secs=None)`: asctime of localtime(secs). */
export function ctime(secs?: PyNumber | null): string {
  return asctime(localtime(secs));
}
