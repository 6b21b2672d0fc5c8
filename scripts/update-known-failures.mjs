#!/usr/bin/env node
// Rewrites test/known-failures.json from a run of the shared suites through `pyts run` (build first: npm run build).
//
// usage: node scripts/update-known-failures.mjs [SUITE ...]     (SUITE: seed/programs, conformance, language; default all)
//
// test/shared-suites.test.ts fails when a program outside the list fails (a regression) and when a listed program
// passes (so the list only shrinks): run this after making programs pass, and commit the shorter list.
import { readKnownFailures, runSuite, suites, writeKnownFailures } from './lib/shared-suites.mjs';

const chosen = process.argv.slice(2);
const unknown = chosen.filter((suite) => !suites.includes(suite));
if (unknown.length > 0) {
  console.error(`update-known-failures: unknown suite ${unknown.join(', ')} (known: ${suites.join(', ')})`);
  process.exit(2);
}
const failures = readKnownFailures();
for (const suite of chosen.length === 0 ? suites : chosen) {
  const { failing, summary } = await runSuite(suite);
  const before = new Set(failures[suite] ?? []);
  const fixed = [...before].filter((program) => !failing.includes(program)).length;
  const broken = failing.filter((program) => !before.has(program)).length;
  failures[suite] = failing;
  console.log(`${suite}: ${summary} (${fixed} left the list, ${broken} joined it)`);
}
writeKnownFailures(failures);
