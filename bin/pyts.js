#!/usr/bin/env node
// The `pyts` executable: a thin shell over the compiled CLI in dist/.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('pyts: dist/ is missing; run `npm run build` (or `npm install`) first.\n');
  process.exit(1);
}
const { main } = await import(entry.href);
const exitCode = await main(process.argv.slice(2));
if (exitCode !== undefined) process.exitCode = exitCode;
