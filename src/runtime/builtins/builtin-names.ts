// Python's names for the runtime's builtin functions and classes, so that they print as CPython's do:
// `repr(len)` is `<built-in function len>`, `repr(map)` is `<class 'map'>`. Names are spelled out because
// bundlers may rename JS functions (esbuild turns a clashing `map` into `map2`).

import { abs, divmod, pow, round } from './arithmetic.js';
import { getattr, hasattr, setattr } from './attributes.js';
import { callable, isinstance, issubclass } from './builtin-types.js';
import { bytearray, bytes } from './bytes.js';
import { bin, chr, hex, oct, ord } from './characters.js';
import { open } from './file-io.js';
import { format } from './format-spec.js';
import { hash } from './hashing.js';
import { id } from './identity.js';
import { input } from './input.js';
import { all, any, enumerate, filter, iter, map, max, min, next, reversed, sorted, sum, zip } from './iteration.js';
import { print } from './print.js';
import { range } from './range.js';
import { registerBuiltin, repr } from './repr.js';
import { len } from './sequences.js';
import { frozenset } from './set.js';
import { ascii } from './str-format.js';

const FUNCTIONS: Record<string, Function> = {
  abs, all, any, ascii, bin, callable, chr, divmod, format, getattr, hasattr, hash, hex, id, input, isinstance,
  issubclass, iter, len, max, min, next, oct, open, ord, pow, print, repr, round, setattr, sorted, sum,
};

const CLASSES: Record<string, Function> = { bytearray, bytes, enumerate, filter, frozenset, map, range, reversed, zip };

for (const [name, fn] of Object.entries(FUNCTIONS)) registerBuiltin(fn, name, false);
for (const [name, cls] of Object.entries(CLASSES)) registerBuiltin(cls, name, true);
