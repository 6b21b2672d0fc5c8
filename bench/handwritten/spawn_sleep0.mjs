// bench/runtime/spawn_sleep0.py by hand, shaped like emitted code, on the built runtime (npm run build).
import * as asyncio from '../../dist/runtime/asyncio/index.js';
import { aw, coro } from '../../dist/runtime/asyncio/index.js';

const N = 1000; // tasks
const K = 1000; // sleep(0) per task
const M = 1_000_000_007;

let tick = 0;

async function worker(i) {
  let acc = 0;
  for (let s = 0; s < K; s++) {
    tick += 1;
    acc = (acc * 31 + tick + i) % M;
    await asyncio.sleep(0);
  }
  return acc;
}

async function main() {
  const tasks = [];
  for (let i = 0; i < N; i++) tasks.push(asyncio.createTask(coro(worker, i)));
  const results = await aw(asyncio.gather(...tasks));
  let h = 0;
  for (const r of results) h = (h * 1_000_003 + r) % M;
  console.log(`spawn_sleep0 tasks=${N} steps=${K} ticks=${tick} checksum=${h}`);
}

await asyncio.run(coro(main));
