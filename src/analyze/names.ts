// TypeScript names for Python names. Python's snake_case becomes camelCase (a reader migrating code expects it),
// unless that would collide with another name of the same program or with a TypeScript reserved word.
import { camelCase } from '../asyncio-map/table.js';

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'implements interface let package private protected public static yield await arguments eval undefined NaN ' +
    'Infinity any boolean number string symbol never unknown object type declare namespace module of async constructor'
  ).split(' '),
);

/** True for words TypeScript does not allow as a variable name (or that would shadow something it needs). */
export function isReserved(name: string): boolean {
  return RESERVED.has(name);
}

/** Allocates collision-free TypeScript names for one output file. */
export class NameAllocator {
  private taken = new Set<string>();

  /** Names the Python program itself uses: generated names never take them. */
  constructor(pythonNames: Iterable<string>) {
    for (const n of pythonNames) this.taken.add(n);
  }

  /** The TS spelling of a Python identifier (stable: the same input gives the same output). */
  static userName(python: string, avoid: ReadonlySet<string>): string {
    let name = camelCase(python);
    if (name !== python && avoid.has(name)) name = python;
    if (RESERVED.has(name)) name = `${name}_`;
    return name;
  }

  /** A fresh name for a generated variable, e.g. claim('error') → 'error', then 'error2'. */
  claim(base: string): string {
    let name = base;
    for (let i = 2; this.taken.has(name) || RESERVED.has(name); i++) name = `${base}${i}`;
    this.taken.add(name);
    return name;
  }

  /** Record a name the output uses as is (a translated user name). */
  claimExact(name: string): void {
    this.taken.add(name);
  }

  isTaken(name: string): boolean {
    return this.taken.has(name);
  }
}
