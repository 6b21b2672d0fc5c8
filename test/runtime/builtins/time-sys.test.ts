import { describe, expect, it } from 'vitest';
import { SystemExit } from '../../../src/runtime/builtins/exceptions.js';
import { repr } from '../../../src/runtime/builtins/repr.js';
import { ge } from '../../../src/runtime/builtins/ordering.js';
import { tuple } from '../../../src/runtime/builtins/tuple.js';
import * as sys from '../../../src/runtime/sys/index.js';
import * as time from '../../../src/runtime/time/index.js';

// Expected texts are what CPython 3.11 printed for the same calls (struct_time of 0 read in UTC).
describe('time', () => {
  it('formats struct_time and strftime directives as CPython does in the C locale', () => {
    const epoch = time.gmtime(0);
    expect(repr(epoch)).toBe(
      'time.struct_time(tm_year=1970, tm_mon=1, tm_mday=1, tm_hour=0, tm_min=0, tm_sec=0, tm_wday=3, tm_yday=1, tm_isdst=0)',
    );
    expect(time.strftime('%Y-%m-%d %H:%M:%S %a %b %j %p %I %y %%', epoch)).toBe('1970-01-01 00:00:00 Thu Jan 001 AM 12 70 %');
    expect(epoch.tm_wday).toBe(3);
  });

  it('prints asctime in the fixed C layout', () => {
    expect(time.asctime(time.gmtime(86400 * 40 + 3600 * 5))).toBe('Tue Feb 10 05:00:00 1970');
    expect(time.asctime(time.gmtime(1e9))).toBe('Sun Sep  9 01:46:40 2001');
  });

  it('sleeps at least the requested time, blocking, and rejects negative lengths', () => {
    const start = time.perfCounter();
    time.sleep(0.02);
    expect(time.perfCounter() - start).toBeGreaterThanOrEqual(0.02);
    expect(() => time.sleep(-1)).toThrow('sleep length must be non-negative');
  });

  it('reads clocks in seconds that move forward', () => {
    const [a, b] = [time.monotonic(), time.monotonic()];
    expect(b).toBeGreaterThanOrEqual(a);
    expect(Math.abs(time.time() - Date.now() / 1000)).toBeLessThan(1);
  });
});

describe('sys', () => {
  it('describes the Python version reproduced, comparable with tuples', () => {
    expect(repr(sys.versionInfo)).toBe("sys.version_info(major=3, minor=11, micro=7, releaselevel='final', serial=0)");
    expect(ge(sys.versionInfo, tuple(3, 8))).toBe(true);
    expect([repr(sys.maxsize), sys.getrecursionlimit()]).toEqual(['9223372036854775807', 1000]);
  });

  it('exit raises SystemExit carrying the code, and setArgv replaces argv in place', () => {
    expect(() => sys.exit(3)).toThrow(SystemExit);
    try {
      sys.exit('bye');
    } catch (e) {
      expect((e as SystemExit).code).toBe('bye');
    }
    const argv = sys.argv;
    sys.setArgv(['prog.py', '-v']);
    expect(argv).toEqual(['prog.py', '-v']);
  });
});
