// What long convert runs promise: killed at any moment they leave no partial output, interrupted they also clean
// up their temporary files, --watch follows edits, and a progress bar appears on a terminal only.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { transpile } from '../../src/api.js';
import { pytsBin, runPyts, runProcess, type ProcessResult } from '../helpers/run-pyts.js';
import { tempFolder } from '../helpers/temp-folder.js';

const counter = 'for i in range(3):\n    print(i)\n';

/**
 * A module whose translation is large (so that writing it takes a moment) but quick to make: a long string literal
 * and a few functions.
 */
const sizeable =
  `TEXT = """\n${'All work and no play makes Jack a dull boy.\n'.repeat(800)}"""\n\n` +
  Array.from({ length: 10 }, (_, i) => `def f${i}(x):\n    return x * ${i} + ${i}\n\n`).join('');

async function expectedTypeScript(source: string, filename: string): Promise<string> {
  const { code } = await transpile(source, { filename });
  if (code === null) throw new Error(`the translator refused ${filename}`);
  return code;
}

/** Resolves once `check()` holds, polling every `everyMs`; rejects after `timeoutMs`. */
async function waitFor(check: () => boolean, timeoutMs: number, everyMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

describe('interrupting convert', () => {
  const count = 300;

  /** A project of `count` modules whose translations are already cached, so that a run is mostly writing. */
  let project: Promise<{ folder: string; env: Record<string, string>; expected: string }> | undefined;
  const cachedProject = (): typeof project & object => (project ??= makeCachedProject());

  async function makeCachedProject(): Promise<{ folder: string; env: Record<string, string>; expected: string }> {
    const folder = tempFolder(Object.fromEntries(Array.from({ length: count }, (_, i) => [`src/m${i}.py`, sizeable])));
    const env = { PYTS_CACHE_DIR: tempFolder() };
    const warm = await runPyts(['convert', 'src', '--out-dir', 'out'], { cwd: folder, env, timeoutMs: 240_000 });
    expect(warm.exitCode).toBe(0);
    // every module has the same text (and no file-specific line), so every output must equal this one
    return { folder, env, expected: readFileSync(join(folder, 'out', 'm0.ts'), 'utf8') };
  }

  /**
   * Starts convert into a fresh, empty out/ and sends `signal` as soon as the first output appears there: a watch on the
   * folder reacts within the write phase, where polling it could miss the whole phase on a loaded machine (a cached
   * run writes its 300 files in a few tens of milliseconds).
   */
  async function interruptedRun(
    folder: string,
    env: Record<string, string>,
    signal: NodeJS.Signals,
  ): Promise<ProcessResult> {
    const out = join(folder, 'out');
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out);
    let child: ChildProcess | undefined;
    let sent = false;
    const send = () => {
      if (sent || child === undefined) return;
      sent = true;
      child.kill(signal);
    };
    // an output is in place once renamed from its temporary file
    const isOutput = (name: string | null) => name !== null && name.endsWith('.ts');
    const watcher = watch(out, (_event, name) => {
      if (isOutput(name)) send();
    });
    const run = runPyts(['convert', 'src', '--out-dir', 'out'], { cwd: folder, env, onSpawn: (c) => (child = c) });
    try {
      await waitFor(() => sent || readdirSync(out).some(isOutput), 60_000, 1);
      send();
    } finally {
      watcher.close();
    }
    return run;
  }

  test('SIGKILL during the writes leaves every output either complete or absent', async () => {
    const { folder, env, expected } = await cachedProject();
    let interruptedMidway = false;
    for (let attempt = 0; attempt < 8 && !interruptedMidway; attempt++) {
      const result = await interruptedRun(folder, env, 'SIGKILL');
      expect(result.signal).toBe('SIGKILL');
      const outputs = readdirSync(join(folder, 'out')).filter((name) => name.endsWith('.ts'));
      for (const name of outputs) expect(readFileSync(join(folder, 'out', name), 'utf8'), name).toBe(expected);
      interruptedMidway = outputs.length > 0 && outputs.length < count;
    }
    // Otherwise the kill always came after the last write, and the test proved nothing.
    expect(interruptedMidway).toBe(true);
  }, 300_000);

  test('SIGINT during the writes also removes the temporary file being written', async () => {
    const { folder, env, expected } = await cachedProject();
    const result = await interruptedRun(folder, env, 'SIGINT');
    expect(result.signal).toBe('SIGINT');
    const names = readdirSync(join(folder, 'out'));
    expect(names.filter((name) => !name.endsWith('.ts'))).toEqual([]);
    for (const name of names) expect(readFileSync(join(folder, 'out', name), 'utf8'), name).toBe(expected);
  }, 300_000);
});

describe('pyts convert --watch', () => {
  test('translates a changed file and a new one again, and stops cleanly on SIGINT', async () => {
    const folder = tempFolder({ 'src/a.py': counter });
    let child: ChildProcess | undefined;
    let stdout = '';
    const run = runPyts(['convert', 'src', '--out-dir', 'out', '--watch'], {
      cwd: folder,
      env: { PYTS_CACHE_DIR: tempFolder() },
      onSpawn: (c) => {
        child = c;
        c.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      },
    });
    await waitFor(() => stdout.includes('Watching src for changes'), 30_000);
    expect(readFileSync(join(folder, 'out', 'a.ts'), 'utf8')).toBe(await expectedTypeScript(counter, 'src/a.py'));

    const edited = 'print("edited")\n';
    writeFileSync(join(folder, 'src', 'a.py'), edited);
    const expectedEdit = await expectedTypeScript(edited, 'src/a.py');
    await waitFor(() => readFileSync(join(folder, 'out', 'a.ts'), 'utf8') === expectedEdit, 30_000);

    writeFileSync(join(folder, 'src', 'b.py'), counter);
    const expectedNew = await expectedTypeScript(counter, 'src/b.py');
    await waitFor(
      () =>
        existsSync(join(folder, 'out', 'b.ts')) && readFileSync(join(folder, 'out', 'b.ts'), 'utf8') === expectedNew,
      30_000,
    );

    child!.kill('SIGINT');
    const result = await run;
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Converted 2 files of 2 into out (1 unchanged since the last run).\n');
  }, 120_000);
});

describe('the progress bar', () => {
  const files = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`src/m${i}.py`, counter]));

  /** Runs convert on a pseudo-terminal (util-linux `script`), as in an interactive shell. */
  function onTerminal(folder: string, env: Record<string, string>): Promise<ProcessResult> {
    const command = `${process.execPath} ${pytsBin} convert src --out-dir out`;
    return runProcess('script', ['-qec', command, '/dev/null'], {
      cwd: folder,
      env: { PYTS_CACHE_DIR: tempFolder(), CI: '', ...env },
    });
  }

  test('is drawn on a terminal', async () => {
    const result = await onTerminal(tempFolder(files), {});
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('translating [');
    expect(result.stdout).toContain('Converted 25 files of 25 into out.');
  }, 60_000);

  test('is not drawn when CI is set, nor when stderr is not a terminal', async () => {
    const inCi = await onTerminal(tempFolder(files), { CI: 'true' });
    expect(inCi.exitCode).toBe(0);
    expect(inCi.stdout).not.toContain('translating [');
    const piped = await runPyts(['convert', 'src', '--out-dir', 'out'], {
      cwd: tempFolder(files),
      env: { PYTS_CACHE_DIR: tempFolder(), CI: '' },
    });
    expect(piped).toMatchObject({ stdout: 'Converted 25 files of 25 into out.\n', stderr: '', exitCode: 0 });
  }, 60_000);
});
