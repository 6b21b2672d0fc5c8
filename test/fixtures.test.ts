// The one fixture driver. For every fixtures/<area>/<case>.py it checks, in order:
//   1. the translation matches the reviewed snapshot <case>.ts, and translating again gives the same bytes;
//   2. all emitted files together pass `tsc --noEmit --strict` (one run);
//   3. `pyts run` (the real bin, 2 at a time, from the fixture's folder) prints CPython's recorded stdout
//      (<case>.out, after <case>.masks) and exits with its code and last stderr line (<case>.exit);
// and, for fixtures/rejected/<case>.py, that `pyts convert` refuses it with the diagnostics snapshot <case>.diag.
// Snapshots: `npx vitest run test/fixtures.test.ts -u` rewrites them; with CI=true a missing one fails.
import { readFileSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  applyMasks,
  companionFiles,
  findFixtureSources,
  fixtureName,
  isFixtureProgram,
  isHelperModule,
  isRejectedCase,
  readMasks,
  readRecording,
  repoRoot,
} from '../scripts/lib/fixtures.mjs';
import { transpile } from '../src/api.js';
import { lastLine, limitConcurrency, runPyts } from './helpers/run-pyts.js';
import { typeCheck } from './helpers/type-check.js';

const sources: string[] = findFixtureSources();
const translatable = sources.filter((path) => !isRejectedCase(path));
const programs = sources.filter(isFixtureProgram);
const rejected = sources.filter(isRejectedCase);

/** The name a fixture has in diagnostics and `pyts` command lines: its path from the repository root. */
const displayName = (path: string): string => relative(repoRoot, path);

/** How a fixture is translated: a helper module exports its top level for the cases that import it (as `pyts run`
 *  translates every module of a program). */
const translateOptions = (path: string) => ({ filename: displayName(path), exportTopLevel: isHelperModule(path) });

/** Each fixture's first translation, shared by the snapshot test and the type-check (which may run alone, -t). */
const firstTranslations = new Map<string, ReturnType<typeof transpile>>();

function translateFixture(path: string): ReturnType<typeof transpile> {
  const existing = firstTranslations.get(path);
  if (existing !== undefined) return existing;
  const translation = transpile(readFileSync(path, 'utf8'), translateOptions(path));
  firstTranslations.set(path, translation);
  return translation;
}

describe('each fixture translates to its reviewed snapshot, deterministically', () => {
  test.each(translatable.map((path) => [fixtureName(path), path]))('%s', async (_name, path) => {
    const first = await translateFixture(path);
    expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(first.code).not.toBeNull();
    await expect(first.code).toMatchFileSnapshot(companionFiles(path).typescript);
    const second = await transpile(readFileSync(path, 'utf8'), translateOptions(path));
    expect(second.code).toBe(first.code);
  });
});

describe('the emitted TypeScript type-checks', () => {
  test('all emitted files pass tsc --noEmit --strict in one run', async () => {
    const files = new Map<string, string>();
    for (const path of translatable) {
      const { code } = await translateFixture(path);
      if (code !== null) files.set(`${fixtureName(path)}.ts`, code);
    }
    expect(files.size, 'fixtures that translated (the others fail above)').toBe(translatable.length);
    const result = typeCheck(files);
    expect(result.output).toBe('');
    expect(result.exitCode).toBe(0);
  }, 120_000);
});

const runSlot = limitConcurrency(2);

describe('each fixture run by pyts behaves as CPython did', () => {
  test.concurrent.each(programs.map((path) => [fixtureName(path), path]))(
    '%s',
    async (_name, path) => {
      const recording = readRecording(path);
      expect(recording, `${fixtureName(path)}.out is missing: run scripts/record-cpython.mjs`).not.toBeNull();
      if (recording === null) return;
      const masks = readMasks(path);
      // As record-cpython ran it: from the fixture's folder, by its file name.
      const result = await runSlot(() => runPyts(['run', basename(path)], { cwd: dirname(path) }));
      const actual = {
        stdout: applyMasks(result.stdout, masks),
        exitCode: result.exitCode,
        stderrLastLine:
          recording.stderrLastLine === null ? null : withoutModulePrefix(applyMasks(lastLine(result.stderr), masks)),
      };
      expect(actual).toEqual({
        stdout: applyMasks(recording.stdout, masks),
        exitCode: recording.exitCode,
        stderrLastLine:
          recording.stderrLastLine === null ? null : withoutModulePrefix(applyMasks(recording.stderrLastLine, masks)),
      });
    },
    120_000,
  );
});

describe('each rejected fixture is refused with its reviewed diagnostics', () => {
  test.each(rejected.map((path) => [fixtureName(path), path]))(
    '%s',
    async (_name, path) => {
      // Whatever partial TypeScript the translator still emits (unsupported parts replaced by a throw) is not the
      // point here: the error diagnostics and the exit code are.
      const result = await runPyts(['convert', displayName(path)], { cwd: repoRoot });
      expect(result.exitCode).toBe(1);
      await expect(result.stderr).toMatchFileSnapshot(companionFiles(path).diagnostics);
    },
    60_000,
  );
});

/**
 * `asyncio.exceptions.InvalidStateError: x` → `InvalidStateError: x`: the module prefix of an exception line may
 * differ (as shared/tools/diffrun.py accepts).
 */
function withoutModulePrefix(line: string): string {
  return line.replace(/^[\w.]*\.(?=\w+(:|$))/, '');
}
