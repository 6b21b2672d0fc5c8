// Where this package is installed and which version it is, read from its own package.json.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package root (the folder holding package.json, bin/ and dist/). */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

/** `version` from package.json, read once. */
export const packageVersion: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
