// node bench/park-floor.mjs [--runs N]
//
// The floor of the runtime's task switch, without the runtime: how much a loop that resumes each task by resolving
// a promise the task parked on (tasks.ts `park`: a fresh promise per switch, its `resolve` kept, the loop run on
// before the body awaits it) costs over native `await null`, for the two shapes of ../shared/bench/runtime where
// that switch dominates: spawn_sleep0 (1,000 tasks x 1,000 yields) and deep_chain (4 tasks x 40,000 chains of 50
// awaited async functions with a yield at the leaf). Variants, each a fresh process, run in paired rounds:
//
// - native: `await null`, the hand-written programs' yield (no loop: the microtask queue is the ready queue);
// - park: a FIFO ready queue of tasks, one promise per park, the next task resumed before the body awaits;
// - park-deferred: the same, but the loop runs on from a microtask once the parking body has awaited (one hop more);
// - park-extra-hop: park, plus one idle microtask queued per park (what a hop alone does);
// - park-late-resolve: park, but the next task's `resolve` is called from a microtask, after the parking frames
//   have suspended (the loop's bookkeeping still runs inside the park).
//
// It prints the medians of CPU time (user + system, from GNU time, which it needs) and of peak RSS, and each
// variant's paired ratio to native. What it showed on the project's 2-core machine (2026-11-25 12:23 UTC, Node 20.20,
// 7 runs, load average 9 from other jobs):
//
//   shape  park   park-deferred  park-extra-hop  park-late-resolve   (CPU / native; peak RSS / native for park)
//   spawn  1.47   1.71           1.67            1.67                (1.28 RSS)
//   chain  1.19   1.08           1.14            1.09
//
// So the runtime cannot go below ~1.5x native CPU on spawn_sleep0 nor ~1.2x on deep_chain while it parks on a
// promise per switch and runs the next step from inside the park. What the chain shape gains from deferring is not
// the place the loop's bookkeeping runs: resolving the next task only after the 50 frames above the parking await
// have suspended (late-resolve) gains as much as deferring everything, and every variant that adds a hop costs the
// spawn shape 0.2x. On the full runtime (the translated deep_chain), deferring every park measured 0.97x the
// undeferred CPU (11 paired runs, loaded), far less than on this floor, and choosing per task (the loop defers the
// parks of a task whose sampled steps last over 2 us: deep_chain's take 4.7-6.1 us, spawn_sleep0's 0.2-0.3 us)
// gained nothing measurable on deep_chain and cost spawn_sleep0 ~10 % (a clock read per 16 steps is ~100 ns); neither
// was adopted. No variant tried removes the promise: a thenable costs a promise, its resolving functions and one hop
// more (V8's NewPromiseResolveThenableJob); one promise shared by several tasks resumes them in consecutive
// microtasks, which interleaves a step that takes more than one hop (deep_chain's 50 returns) with the next task's
// step; and an awaited value that is not a pending promise resumes the body at once, outside the loop's control.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: opts } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });

// How the park runs the loop on: 'now' (inside the park, as the runtime does), 'deferred' (from a microtask queued by
// the park), 'extra-hop' (now, plus one idle microtask per park: the cost of a hop alone) or 'late-resolve' (now, but
// the next task's resolve goes through a microtask, so it lands after the parking frames have suspended).
const loop = (mode) => `
const ready = [];
let head = 0;
let running = null;
let parking = null;
const resolved = Promise.resolve();
function storeResolve(resolve) { parking.resolve = resolve; }
function advance() {
  if (head === ready.length) return;
  const task = ready[head++];
  if (head > 1024) { ready.splice(0, head); head = 0; }
  running = task;
  ${mode === 'late-resolve' ? 'resolved.then(task.resolve);' : 'task.resolve(undefined);'}
}
function idle() {}
function yieldNow() {
  const task = running;
  ready.push(task);
  parking = task;
  const promise = new Promise(storeResolve);
  parking = running = null;
  ${mode === 'deferred' ? 'resolved.then(advance);' : mode === 'extra-hop' ? 'advance(); resolved.then(idle);' : 'advance();'}
  return promise;
}
function spawn(body, n) {
  const all = [];
  for (let i = 0; i < n; i++) {
    const task = { resolve: null };
    ready.push(task);
    all.push(new Promise((r) => { task.resolve = r; }).then(() => body(i)).then((v) => { running = null; advance(); return v; }));
  }
  advance();
  return Promise.all(all);
}
`;

const shapes = {
  spawn: (y) => `
let tick = 0;
async function worker(i) {
  let acc = 0;
  for (let s = 0; s < 1000; s++) { tick += 1; acc = (acc * 31 + tick + i) % 1000000007; await ${y}; }
  return acc;
}
const results = await ${y === 'null' ? 'Promise.all(Array.from({ length: 1000 }, (_, i) => worker(i)))' : 'spawn(worker, 1000)'};
console.log(tick, results.reduce((h, r) => (h * 1000003 + r) % 1000000007, 0));
`,
  chain: (y) => `
async function level(n, x) {
  if (n === 0) { await ${y}; return x % 1009; }
  return (await level(n - 1, x + n)) + 1;
}
async function runner(t) {
  let acc = 0;
  for (let i = 0; i < 40000; i++) acc = (acc * 31 + (await level(50, t * 40000 + i))) % 1000000007;
  return acc;
}
const results = await ${y === 'null' ? 'Promise.all([0, 1, 2, 3].map(runner))' : 'spawn(runner, 4)'};
console.log(results.reduce((h, r) => (h * 1000003 + r) % 1000000007, 0));
`,
};

const variants = {
  native: (shape) => shapes[shape]('null'),
  park: (shape) => loop('now') + shapes[shape]('yieldNow()'),
  'park-deferred': (shape) => loop('deferred') + shapes[shape]('yieldNow()'),
  'park-extra-hop': (shape) => loop('extra-hop') + shapes[shape]('yieldNow()'),
  'park-late-resolve': (shape) => loop('late-resolve') + shapes[shape]('yieldNow()'),
};

const scratch = mkdtempSync(join(tmpdir(), 'pyts-park-floor-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
try {
  for (const shape of Object.keys(shapes)) {
    const files = Object.fromEntries(
      Object.entries(variants).map(([name, make]) => {
        const file = join(scratch, `${shape}-${name}.mjs`);
        writeFileSync(file, make(shape));
        return [name, file];
      }),
    );
    const res = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
    for (let k = 0; k < Number(opts.runs); k++) {
      for (const [name, file] of Object.entries(files)) {
        const timeFile = join(scratch, 'time.txt');
        const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', '-o', timeFile, process.execPath, file], {
          encoding: 'utf8',
        });
        if (r.status !== 0) throw new Error(`${shape} ${name}: ${r.stderr}`);
        const [user, sys, kib] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
        res[name].push({ cpu: user + sys, rss: kib / 1024, out: r.stdout.trim() });
      }
    }
    for (const [name, runs] of Object.entries(res)) {
      const same = runs.every((r) => r.out === res.native[0].out);
      const ratio = (key) => median(runs.map((r, i) => r[key] / res.native[i][key]));
      console.log(
        `${shape.padEnd(6)} ${name.padEnd(17)} cpu ${median(runs.map((r) => r.cpu)).toFixed(2)} s  rss ${median(runs.map((r) => r.rss)).toFixed(1)} MiB  ` +
          `/native: cpu ${ratio('cpu').toFixed(2)} rss ${ratio('rss').toFixed(2)}  output ${same ? 'same' : 'DIFFERENT'}`,
      );
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
