#!/usr/bin/env node
// npm run sweep [-- --limit N --timeout SECONDS --sample K]
//
// Runs pyts over every .py file of the CPython standard library that comes with `python3` and checks that each
// one ends as translated TypeScript or as diagnostics: no crash (an exception out of transpile, or a PYTS9xxx
// internal error), no hang (a file taking longer than --timeout), and no emitted TypeScript that does not parse.
// Files are translated in a worker thread; a file that hangs gets its worker terminated and replaced.
// Ends with: sweep: N files, T translated, D with diagnostics, C crashes, H hangs, U unparsable outputs
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

if (!isMainThread) {
  // ------------------------------------------------------------------------------------------ worker
  const { transpile } = await import(pathToFileURL(join(root, 'dist', 'api.js')).href);
  const { ts } = await import('ts-morph');
  const { readSource } = await import(pathToFileURL(join(root, 'dist', 'parse', 'index.js')).href);
  // a worker cannot be started with --expose-gc; the flag can still be set from inside, and gc fetched
  const v8 = await import('node:v8');
  const vm = await import('node:vm');
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  let count = 0;
  parentPort.on('message', async (file) => {
    let outcome;
    try {
      const input = readSource(readFileSync(file), file);
      if (input.source === null) outcome = { kind: 'diagnostics', codes: input.diagnostics.map((d) => d.code) };
      else {
        const result = await transpile(input.source, { filename: file, format: workerData.format });
        const internal = result.diagnostics.filter((d) => d.code.startsWith('PYTS9'));
        if (internal.length) outcome = { kind: 'crash', detail: internal[0].message };
        else if (result.code !== null && unparsable(result.code)) outcome = { kind: 'unparsable', detail: unparsable(result.code) };
        else if (result.diagnostics.some((d) => d.severity === 'error')) outcome = { kind: 'diagnostics' };
        else outcome = { kind: 'translated' };
      }
    } catch (error) {
      outcome = { kind: 'crash', detail: error instanceof Error ? error.message : String(error) };
    }
    // the tree-sitter binding frees native trees only after a GC and a turn of the event loop (BASELINES.md)
    if (++count % 50 === 0) gc();
    setImmediate(() => parentPort.postMessage({ file, outcome }));
  });

  function unparsable(code) {
    const source = ts.createSourceFile('out.ts', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const first = source.parseDiagnostics?.[0];
    return first ? ts.flattenDiagnosticMessageText(first.messageText, '\n') : null;
  }
} else {
  // ------------------------------------------------------------------------------------------ main
  const { values: opts } = parseArgs({
    options: {
      limit: { type: 'string' },
      timeout: { type: 'string', default: '20' },
      sample: { type: 'string' },
      format: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  });
  const stdlib = spawnSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).stdout.trim();
  let files = listPython(stdlib).sort();
  if (opts.sample) files = files.filter((_, i) => i % Math.ceil(files.length / Number(opts.sample)) === 0);
  if (opts.limit) files = files.slice(0, Number(opts.limit));
  const timeoutMs = Number(opts.timeout) * 1000;
  const counts = { translated: 0, diagnostics: 0, crash: 0, hang: 0, unparsable: 0 };
  const problems = [];

  let worker = null;
  let timer = null;
  let next = 0;
  const start = () => {
    worker = new Worker(fileURLToPath(import.meta.url), { workerData: { format: opts.format } });
    worker.on('message', ({ file, outcome }) => {
      clearTimeout(timer);
      record(file, outcome);
      dispatch();
    });
  };
  const record = (file, outcome) => {
    counts[outcome.kind]++;
    if (outcome.kind !== 'translated' && outcome.kind !== 'diagnostics') problems.push(`${outcome.kind}: ${relative(stdlib, file)}: ${outcome.detail ?? ''}`);
    if (opts.verbose) console.log(`${outcome.kind.padEnd(11)} ${relative(stdlib, file)}`);
  };
  const finish = () => {
    void worker?.terminate();
    for (const p of problems) console.log(p);
    const n = files.length;
    console.log(`sweep: ${n} files, ${counts.translated} translated, ${counts.diagnostics} with diagnostics, ${counts.crash} crashes, ${counts.hang} hangs, ${counts.unparsable} unparsable outputs`);
    process.exit(counts.crash + counts.hang + counts.unparsable === 0 ? 0 : 1);
  };
  const dispatch = () => {
    if (next >= files.length) return finish();
    const file = files[next++];
    timer = setTimeout(() => {
      // a hang: give up on this file, replace the worker
      record(file, { kind: 'hang', detail: `more than ${opts.timeout} s` });
      void worker.terminate();
      start();
      dispatch();
    }, timeoutMs);
    worker.postMessage(file);
  };
  start();
  dispatch();
}

function listPython(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'site-packages' || name === '__pycache__') continue;
    let stat;
    try {
      stat = statSync(path);
    } catch {
      continue;
    }
    if (stat.isDirectory()) out.push(...listPython(path));
    else if (name.endsWith('.py')) out.push(path);
  }
  return out;
}
