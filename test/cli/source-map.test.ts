// `pyts convert --source-map` on temporary projects: each X.ts gets X.ts.map beside it, linked from X.ts, naming
// the Python file as seen from the map, and mapping the TypeScript's statements back to their Python lines.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { describe, expect, test } from 'vitest';
import { transpile } from '../../src/api.js';
import { runPyts } from '../helpers/run-pyts.js';
import { tempFolder } from '../helpers/temp-folder.js';

const app = 'import asyncio\n\n\nasync def greet(name):\n    print("hello", name)\n\n\nasyncio.run(greet("world"))\n';
const util = 'def twice(x):\n    return 2 * x\n\n\nprint(twice(21))\n';

interface Written {
  code: string;
  map: TraceMap;
  /** the Python file the map names, resolved from the map's folder */
  source: string;
}

function readWritten(typeScriptFile: string): Written {
  const text = readFileSync(typeScriptFile, 'utf8');
  const link = /\/\/# sourceMappingURL=(\S+)\n$/.exec(text);
  expect(link, 'the TypeScript ends with its sourceMappingURL comment').not.toBeNull();
  const mapFile = join(dirname(typeScriptFile), decodeURIComponent(link![1]!));
  const json = JSON.parse(readFileSync(mapFile, 'utf8'));
  expect(json.sources).toHaveLength(1);
  return {
    code: text.slice(0, link!.index),
    map: new TraceMap(json),
    source: resolve(dirname(mapFile), decodeURIComponent(json.sources[0])),
  };
}

/** The Python line the map gives for the first TypeScript line containing `needle`. */
function pythonLineOf(written: Written, needle: string): number | null {
  const lines = written.code.split('\n');
  const index = lines.findIndex((l) => l.includes(needle));
  expect(index, needle).toBeGreaterThanOrEqual(0);
  return originalPositionFor(written.map, { line: index + 1, column: lines[index]!.search(/\S/) }).line;
}

describe('pyts convert --source-map', () => {
  test('-o FILE.ts writes FILE.ts.map beside it, linked, and the TypeScript is what convert writes without it', async () => {
    const folder = tempFolder({ 'app.py': app });
    const result = await runPyts(['convert', 'app.py', '-o', 'out/app.ts', '--source-map'], { cwd: folder });
    expect(result).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    const written = readWritten(join(folder, 'out', 'app.ts'));
    expect(written.code).toBe((await transpile(app, { filename: 'app.py' })).code);
    expect(written.source).toBe(join(folder, 'app.py'));
    expect(JSON.parse(readFileSync(join(folder, 'out', 'app.ts.map'), 'utf8'))).toMatchObject({
      version: 3,
      file: 'app.ts',
      sources: ['../app.py'],
      sourcesContent: [app],
    });
    expect(pythonLineOf(written, 'async function greet')).toBe(4);
    expect(pythonLineOf(written, 'print("hello", name)')).toBe(5);
    expect(pythonLineOf(written, 'await asyncio.run(')).toBe(8);
  });

  test('DIR --out-dir OUT writes a map beside every file, each naming its own Python file', async () => {
    const folder = tempFolder({ 'src/app.py': app, 'src/lib/util.py': util });
    const result = await runPyts(['convert', 'src', '--out-dir', 'out', '--source-map'], { cwd: folder });
    expect(result.exitCode).toBe(0);
    const appTs = readWritten(join(folder, 'out', 'app.ts'));
    const utilTs = readWritten(join(folder, 'out', 'lib', 'util.ts'));
    expect(appTs.source).toBe(join(folder, 'src', 'app.py'));
    expect(utilTs.source).toBe(join(folder, 'src', 'lib', 'util.py'));
    expect(pythonLineOf(utilTs, 'return ')).toBe(2);
    expect(pythonLineOf(utilTs, 'print(twice(21))')).toBe(5);
  });

  test('check --source-map counts the maps as outputs: ok after convert, stale without its map', async () => {
    const folder = tempFolder({ 'src/app.py': app, 'src/lib/util.py': util });
    expect((await runPyts(['convert', 'src', '--out-dir', 'out', '--source-map'], { cwd: folder })).exitCode).toBe(0);
    const ok = await runPyts(['check', 'src', '--out-dir', 'out', '--source-map', '--format', 'json'], { cwd: folder });
    expect(ok.exitCode).toBe(0);
    // without the flag, the linked files are not what convert would write
    expect((await runPyts(['check', 'src', '--out-dir', 'out'], { cwd: folder })).exitCode).toBe(1);
    rmSync(join(folder, 'out', 'lib', 'util.ts.map'));
    const stale = await runPyts(['check', 'src', '--out-dir', 'out', '--source-map', '--format', 'json'], { cwd: folder });
    expect(stale.exitCode).toBe(1);
    const statuses = Object.fromEntries(
      (JSON.parse(stale.stdout) as { files: { file: string; status: string }[] }).files.map((f) => [f.file, f.status]),
    );
    expect(statuses).toEqual({ 'src/app.py': 'ok', 'src/lib/util.py': 'stale' });
  });

  test('without it no map is written', async () => {
    const folder = tempFolder({ 'app.py': app });
    await runPyts(['convert', 'app.py', '-o', 'app.ts'], { cwd: folder });
    expect(existsSync(join(folder, 'app.ts.map'))).toBe(false);
    expect(readFileSync(join(folder, 'app.ts'), 'utf8')).not.toContain('sourceMappingURL');
  });

  test('with the TypeScript on stdout it is refused: a map is a file', async () => {
    const folder = tempFolder({ 'app.py': app });
    const result = await runPyts(['convert', 'app.py', '--source-map'], { cwd: folder });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("'--source-map' writes files");
  });
});
