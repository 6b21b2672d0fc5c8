// pyts/runtime/json: Python's json module (dumps/dump, loads/load, JSONDecodeError). Keyword arguments arrive as
// a trailing options object: `json.dumps(obj, { indent: 2, sortKeys: true })`.

import { dumps, type DumpsOptions } from './encoder.js';
import { loads } from './decoder.js';

export { dumps, type DumpsOptions } from './encoder.js';
export { JSONDecodeError, loads, type JsonValue } from './decoder.js';

/** A file-like object, as `json.dump` writes to and `json.load` reads from. */
interface Writable {
  write(text: string): unknown;
}
interface Readable {
  read(): string;
}

/** Python's `json.dump(obj, fp, **options)`: `fp.write(json.dumps(obj, **options))`. */
export function dump(obj: unknown, fp: Writable, options: DumpsOptions = {}): void {
  fp.write(dumps(obj, options));
}

/** Python's `json.load(fp)`: `json.loads(fp.read())`. */
export function load(fp: Readable): any {
  return loads(fp.read());
}
