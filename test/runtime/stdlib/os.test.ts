import { describe, expect, it } from 'vitest';
import { KeyError, TypeError } from '../../../src/runtime/builtins/exceptions.js';
import { repr } from '../../../src/runtime/builtins/repr.js';
import { contains, getItem, setItem } from '../../../src/runtime/builtins/sequences.js';
import * as os from '../../../src/runtime/os/index.js';
import { printed, recorded } from './recorded.js';

const cpython = recorded('os');
const cases: Record<string, (print: (...values: unknown[]) => void) => void> = {
  'environ reads, writes and rejects non-str values': (print) => {
    print(
      os.environ.get('PYTS_SURELY_UNSET_VAR', 'fallback'),
      os.environ.get('PYTS_SURELY_UNSET_VAR'),
      contains(os.environ, 'PYTS_SURELY_UNSET_VAR'),
    );
    setItem(os.environ, 'PYTS_TEMP_VAR', 'set-by-script');
    print(
      getItem(os.environ, 'PYTS_TEMP_VAR'),
      os.getenv('PYTS_TEMP_VAR'),
      os.getenv('PYTS_SURELY_UNSET_VAR', 'dflt'),
      os.environ.pop('PYTS_TEMP_VAR'),
      contains(os.environ, 'PYTS_TEMP_VAR'),
    );
    try {
      getItem(os.environ, 'PYTS_SURELY_UNSET_VAR');
    } catch (e) {
      if (!(e instanceof KeyError)) throw e;
      print('KeyError:', e);
    }
    try {
      setItem(os.environ, 'PYTS_BAD', 1);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      print('TypeError:', e);
    }
  },
  'path join, split, basename, dirname and splitext': (print) => {
    for (const p of ['a/b/c.txt', '/abs', 'a/', '', '//x', '.bashrc', 'a/.b.c', 'dir.d/file', 'a//b///', '...']) {
      print(repr(p), os.path.split(p), os.path.basename(p), os.path.dirname(p), os.path.splitext(p));
    }
    print(
      os.path.join('a', 'b', 'c'),
      os.path.join('a/', 'b'),
      os.path.join('a', '/b', 'c'),
      os.path.join('', 'x'),
      os.path.join('a', ''),
    );
  },
  'normpath and isabs': (print) => {
    for (const p of ['a/./b/../c', '/../x', '//a//b', '///a', '', '../../a', 'a/..', './', 'a/b/../../..']) {
      print(repr(p), os.path.normpath(p), os.path.isabs(p));
    }
  },
  constants: (print) => {
    print(os.sep, repr(os.linesep), os.pathsep, os.curdir, os.pardir, os.name);
  },
};

describe('os', () => {
  it('covers every recorded case', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(cpython).sort());
  });
  for (const [name, body] of Object.entries(cases)) {
    it(name, () => {
      expect(printed(body)).toBe(cpython[name]);
    });
  }
});
