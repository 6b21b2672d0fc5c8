// The unformatted loop of bench/transpile.mjs, in a worker thread as `pyts convert`'s translating threads run: it is
// started after the CLI's V8 configuration, with their heap limits (dist/cli/worker-v8.js). On each message
// `{ runs }` it translates every file of workerData.files without prettier, `runs` times over, and posts back the
// CPU time of each run.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

const { files, api } = workerData;
const { transpile } = await import(api);

parentPort.on('message', async ({ runs }) => {
  const seconds = [];
  for (let run = 0; run < runs; run++) {
    // process-wide CPU time: the bench's main thread only waits meanwhile, and V8's helper threads count
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < files.length; i++) {
      await transpile(readFileSync(files[i], 'utf8'), { filename: files[i], format: false });
      // The tree-sitter binding frees a tree's native memory only once the event loop turns (see transpile.mjs).
      if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
    }
    const cpu = process.cpuUsage(cpuStart);
    seconds.push({ cpu: (cpu.user + cpu.system) / 1e6, wall: (performance.now() - start) / 1000 });
  }
  parentPort.postMessage(seconds);
});
