// Where fixtures live and which of their files are programs: shared by the scripts and test/fixtures.test.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixturesRoot = join(repoRoot, 'fixtures');

/** Cases under fixtures/rejected/ must be refused by the translator: their rendered diagnostics are the `.diag`. */
export const rejectedArea = 'rejected';

/** Whether a fixture `.py` is a case that must be rejected (it is never run or recorded). */
export function isRejectedCase(path) {
  return relative(fixturesRoot, path).split(sep)[0] === rejectedArea;
}

/**
 * Whether a fixture `.py` is a helper module rather than a program: a module of a package (a folder with
 * `__init__.py`), or a file whose first line is `# fixture: helper` (a module another case imports). Helpers are
 * translated and type-checked with the programs, but not run or recorded on their own.
 */
export function isHelperModule(path) {
  if (path.endsWith(`${sep}__init__.py`) || existsSync(join(dirname(path), '__init__.py'))) return true;
  return readFileSync(path, 'utf8').startsWith('# fixture: helper');
}

/** Whether a fixture `.py` is a program CPython runs (not a helper, not a case that must be rejected). */
export function isFixtureProgram(path) {
  return path.endsWith('.py') && !isHelperModule(path) && !isRejectedCase(path);
}

/**
 * fixtures/diagnostics/ holds one case per diagnostic code (a `.py`, or a folder with the `command` that shows the
 * code) for test/diagnostics/code-fixtures.test.ts; its files are not programs, helpers or rejected cases.
 */
export const diagnosticsCasesRoot = join(fixturesRoot, 'diagnostics');

/** Every `.py` under fixtures/ (programs, helpers and rejected cases), sorted, as absolute paths. */
export function findFixtureSources(root = fixturesRoot) {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true })
    .filter((name) => name.endsWith('.py') && !name.split(sep).includes('__pycache__'))
    .filter((name) => !isInsideDiagnosticsCases(join(root, name)))
    .map((name) => join(root, name))
    .sort();
}

function isInsideDiagnosticsCases(path) {
  return !relative(diagnosticsCasesRoot, path).startsWith('..');
}

/** Every fixture program under `root` (a folder or one file), sorted, as absolute paths. */
export function findFixturePrograms(root = fixturesRoot) {
  if (root.endsWith('.py')) return isFixtureProgram(root) ? [root] : [];
  return findFixtureSources(root).filter(isFixtureProgram);
}

/** The fixture's name as tests show it: `area/case` for `fixtures/area/case.py`. */
export function fixtureName(path) {
  return relative(fixturesRoot, path).replace(/\.py$/, '').split(sep).join('/');
}

/** The paths of a fixture's companion files, from `fixtures/area/case.py`. */
export function companionFiles(path) {
  const base = path.replace(/\.py$/, '');
  return {
    typescript: `${base}.ts`,
    stdout: `${base}.out`,
    exit: `${base}.exit`,
    masks: `${base}.masks`,
    diagnostics: `${base}.diag`,
  };
}

/** The regexes of `case.masks` (one per line; empty lines ignored), or none. */
export function readMasks(path) {
  const { masks } = companionFiles(path);
  if (!existsSync(masks)) return [];
  return readFileSync(masks, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/**
 * Replaces what each mask matches with `<MASKED>`, line by line (Python's re.M), as diffrun.py does. Masks are
 * Python regexes; the ones fixtures need (`^\d+\.\d+$`, groups, classes) read the same in JavaScript.
 */
export function applyMasks(text, masks) {
  return masks.reduce((masked, mask) => masked.replace(new RegExp(mask, 'gm'), '<MASKED>'), text);
}

/** The recorded result of a fixture: stdout, exit code and CPython's last stderr line (null when none). */
export function readRecording(path) {
  const files = companionFiles(path);
  if (!existsSync(files.stdout)) return null;
  const stdout = readFileSync(files.stdout, 'utf8');
  if (!existsSync(files.exit)) return { stdout, exitCode: 0, stderrLastLine: null };
  const [code = '0', last = ''] = readFileSync(files.exit, 'utf8').split('\n');
  return { stdout, exitCode: Number(code), stderrLastLine: last.trim() === '' ? null : last.trim() };
}
