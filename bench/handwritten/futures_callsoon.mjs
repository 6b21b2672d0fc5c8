// bench/runtime/futures_callsoon.py by hand, shaped like emitted code, on the built runtime (npm run build).
import * as asyncio from '../../dist/runtime/asyncio/index.js';
import { aw, coro } from '../../dist/runtime/asyncio/index.js';

const T = 100; // tasks
const K = 2_500; // rounds per task
const B = 4; // futures per round
const M = 1_000_000_007;

async function worker(i) {
  const loop = asyncio.getRunningLoop();
  let acc = 0;
  for (let k = 0; k < K; k++) {
    const futs = [];
    for (let j = 0; j < B; j++) futs.push(loop.createFuture());
    for (let j = B - 1; j >= 0; j--) {
      const f = futs[j];
      loop.callSoon(f.setResult.bind(f), (i * K + k) * B + j);
    }
    for (const f of futs) acc = (acc * 31 + (await aw(f))) % M;
  }
  return acc;
}

async function main() {
  const workers = [];
  for (let i = 0; i < T; i++) workers.push(coro(worker, i));
  const results = await aw(asyncio.gather(...workers));
  let h = 0;
  for (const r of results) h = (h * 1_000_003 + r) % M;
  console.log(`futures_callsoon tasks=${T} futures=${T * K * B} checksum=${h}`);
}

await asyncio.run(coro(main));
