#!/usr/bin/env node
// The `pyts` executable: a thin shell over the compiled CLI in dist/.
let main;
try {
  ({ main } = await import('../dist/cli/main.js'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  process.stderr.write('pyts: dist/ is missing or incomplete; run `npm run build` (or `npm install`) first.\n');
  process.exit(1);
}
const exitCode = await main(process.argv.slice(2));
if (exitCode !== undefined) process.exitCode = exitCode;
