// `pyts convert ... --watch`: after the first run, run again whenever a Python file under the sources changes.
// Each run goes through the translation cache, so only the files that changed are translated again, and only
// outputs whose text changed are rewritten.
import { resolve } from 'node:path';
import picomatch from 'picomatch';
import { planProject, type TreeFlags } from './project-plan.js';
import { isInside } from './sources.js';

/** Runs `convertAgain` after every burst of changes until SIGINT or SIGTERM; resolves to 0 then. */
export async function watchTree(
  sources: readonly string[],
  flags: TreeFlags,
  convertAgain: () => Promise<number>,
): Promise<number> {
  const { specs, options } = await planProject(sources, flags);
  const outDir = resolve(options.outDir);
  // A glob is watched from its fixed part (`src/**/*.py` → `src`); new matches are found by the next run.
  const roots = specs.map((spec) => (picomatch.scan(spec).isGlob ? picomatch.scan(spec).base || '.' : spec));
  const { watch } = await import('chokidar');
  const watcher = watch(roots, {
    ignoreInitial: true,
    ignored: (path, stats) => isInside(outDir, resolve(path)) || (stats?.isFile() === true && !path.endsWith('.py')),
  });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  // A burst of events (an editor saving several files, a checkout) becomes one run, after it settles.
  watcher.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(convertAgain);
    }, 100);
  });
  await new Promise<void>((ready) => watcher.once('ready', ready));
  process.stdout.write(`Watching ${roots.join(', ')} for changes (Ctrl-C to stop).\n`);
  await new Promise<void>((stop) => {
    process.once('SIGINT', stop).once('SIGTERM', stop);
  });
  clearTimeout(timer);
  await watcher.close();
  await running;
  return 0;
}
