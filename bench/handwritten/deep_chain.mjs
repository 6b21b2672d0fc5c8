// bench/runtime/deep_chain.py by hand, shaped like emitted code, on the built runtime (npm run build).
import * as asyncio from '../../dist/runtime/asyncio/index.js';
import { aw, coro } from '../../dist/runtime/asyncio/index.js';

const DEPTH = 50;
const CALLS = 40_000; // chains per task
const TASKS = 4;
const M = 1_000_000_007;

async function level(n, x) {
  if (n === 0) {
    await asyncio.sleep(0);
    return x % 1009;
  }
  return (await level(n - 1, x + n)) + 1;
}

async function runner(t) {
  let acc = 0;
  for (let i = 0; i < CALLS; i++) {
    acc = (acc * 31 + (await level(DEPTH, t * CALLS + i))) % M;
  }
  return acc;
}

async function main() {
  const runners = [];
  for (let t = 0; t < TASKS; t++) runners.push(coro(runner, t));
  const results = await aw(asyncio.gather(...runners));
  let h = 0;
  for (const r of results) h = (h * 1_000_003 + r) % M;
  console.log(`deep_chain depth=${DEPTH} chains=${TASKS * CALLS} checksum=${h}`);
}

await asyncio.run(coro(main));
