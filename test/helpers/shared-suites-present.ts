// Many tests compare with CPython's recorded results in ../shared (conformance, language, seed, bench). Without
// that folder beside the clone they would fail one by one with ENOENT; one clear message says what is missing.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const shared = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared');
  if (!existsSync(join(shared, 'conformance')) || !existsSync(join(shared, 'language'))) {
    throw new Error(
      `The tests need the project's shared suites beside this clone, at ${shared} ` +
        '(conformance/, language/, seed/, bench/, tools/): clone or copy them there, then run npm test again.',
    );
  }
}
