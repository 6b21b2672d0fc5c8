// A name the translator found defined nowhere (not in the file, not imported, not a builtin). CPython compiles such a
// module and raises NameError only when the line runs, so the translation does the same.
import { NameError, UnboundLocalError } from './exceptions.js';

/** Raise CPython's `NameError: name 'x' is not defined`. Typed `any` so the expression can stand where the name did. */
export function undefinedName(name: string): any {
  throw new NameError(`name '${name}' is not defined`);
}

/** Raise CPython's UnboundLocalError for a local variable read before anything was assigned to it. */
export function unboundLocal(name: string): any {
  throw new UnboundLocalError(`cannot access local variable '${name}' where it is not associated with a value`);
}
