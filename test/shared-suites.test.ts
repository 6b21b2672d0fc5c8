// The shared suites (../shared/seed/programs, conformance, language) run through `pyts run` by diffrun.py. The set of
// failing programs must equal test/known-failures.json: a new failure is a regression, and a listed program that
// passes must leave the list (node scripts/update-known-failures.mjs rewrites it).
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readKnownFailures, runSuite, sharedRoot, suites } from '../scripts/lib/shared-suites.mjs';

const knownFailures: Record<string, string[]> = readKnownFailures();

describe('the shared suites fail exactly on their known failures', () => {
  test('../shared is beside the checkout', () => {
    expect(existsSync(sharedRoot), `${sharedRoot} is missing`).toBe(true);
  });

  test.each(suites)(
    '%s',
    async (suite) => {
      const { failing } = (await runSuite(suite)) as { failing: string[] };
      const known = knownFailures[suite] ?? [];
      expect({
        newFailures: failing.filter((program) => !known.includes(program)),
        nowPassingButListed: known.filter((program) => !failing.includes(program)),
      }).toEqual({ newFailures: [], nowPassingButListed: [] });
    },
    600_000,
  );
});
