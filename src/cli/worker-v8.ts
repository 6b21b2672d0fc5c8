// How V8 runs the worker threads of a directory run. V8's flags are per process and are read as code runs, so this
// is set in the main thread just before the pools start; commands that run a translated program never call it.
// `npm run bench:transpile` calls it too before its translating thread, so it measures the translator as the
// workers run it.
import { setFlagsFromString } from 'node:v8';

/**
 * V8 considers a function for optimization after it has run a budget of bytecode (66 KB by default). The translator
 * and prettier are large, and on a run of a few hundred files most of their functions became hot enough to be
 * optimized by TurboFan (on background threads, about a third of the process's CPU time), some more than once,
 * before the run ended. With eight times the budget, only what stays hot is optimized. Measured on 300 files of the
 * standard library: about 15 % less CPU time in all; on the whole library, one translating thread's first pass ran
 * 1.3 times as fast.
 */
export function configureV8ForWorkerThreads(): void {
  setFlagsFromString('--interrupt-budget=540672');
}

/**
 * The heap limits of a translating thread. A translation allocates about 8 KB per line of Python, most of it in trees
 * (concrete, typed, analysed) that live until the file is done. In V8's default young generation for a worker
 * (48 MB) those of a large file outlive several scavenges and are promoted to the old generation, which only costlier
 * collections free; in 128 MB most die young. Measured with one translating thread over 900 files of the standard
 * library, alternating: 30–33k lines per CPU-second with the default, 36–39k with this, and the wall time likewise
 * (256 MB gained nothing more). The formatting threads keep the default: with this limit on them too, `pyts convert`
 * over the whole library peaked at 1.1 GB on two cores (the target is 1 GiB).
 */
export const translatingThreadLimits = { maxYoungGenerationSizeMb: 128 };
