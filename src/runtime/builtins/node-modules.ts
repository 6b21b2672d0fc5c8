// Node's own modules, taken through `require` rather than ES imports. An ES import of 'node:fs' or 'node:crypto'
// builds that module's ES namespace, which evaluates every lazy export (fs.promises with the stream and readline
// modules behind it, all of crypto): measured ~7 ms and ~3 MB at the start of every translated program, which
// mostly needs neither; node:net and node:child_process cost as much again. `fs` is loaded by Node's own start-up
// anyway; the others are loaded on first use.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** node:fs. */
export const fs = require('node:fs') as typeof import('node:fs');

/** node:crypto, loaded when first asked for. */
export function crypto(): typeof import('node:crypto') {
  return require('node:crypto') as typeof import('node:crypto');
}

/** node:net, loaded when first asked for. */
export function net(): typeof import('node:net') {
  return require('node:net') as typeof import('node:net');
}

/** node:child_process, loaded when first asked for. */
export function childProcess(): typeof import('node:child_process') {
  return require('node:child_process') as typeof import('node:child_process');
}
