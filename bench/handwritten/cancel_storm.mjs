// bench/runtime/cancel_storm.py by hand, shaped like emitted code, on the built runtime (npm run build).
import * as asyncio from '../../dist/runtime/asyncio/index.js';
import { aw, coro } from '../../dist/runtime/asyncio/index.js';

const N = 2_000; // tasks per round
const ROUNDS = 60;
const M = 1_000_000_007;

let cleanups = 0;

async function job(i) {
  try {
    if (i % 2) {
      await asyncio.sleep(3600); // only ever ends by cancellation
    } else {
      for (let s = 0; s < 3; s++) await asyncio.sleep(0);
    }
    return i;
  } finally {
    cleanups += 1;
  }
}

async function main() {
  let cancelled = 0;
  let total = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const tasks = [];
    for (let i = 0; i < N; i++) tasks.push(asyncio.createTask(coro(job, i)));
    for (let i = 1; i < N; i += 4) tasks[i].cancel(); // cancelled before it ever runs
    await asyncio.sleep(0); // let the others start; odd ones now sleep
    for (let i = 3; i < N; i += 4) tasks[i].cancel(); // cancelled while sleeping
    for (const res of await aw(asyncio.gather(...tasks, { returnExceptions: true }))) {
      if (res instanceof asyncio.CancelledError) cancelled += 1;
      else total = (total + res * (r + 1)) % M;
    }
  }
  console.log(
    `cancel_storm tasks=${N * ROUNDS} cancelled=${cancelled} ` + `cleanups=${cleanups} checksum=${total}`,
  );
}

await asyncio.run(coro(main));
