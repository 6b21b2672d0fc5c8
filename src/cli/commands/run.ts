// `pyts run FILE.py [ARGS...]`: translate in memory and run in this process, as `python3 FILE.py ARGS...` would.
import { pathToFileURL } from 'node:url';
import { hasErrors } from '../cli-diagnostics.js';
import { reportDiagnostics, type DiagnosticFormat } from '../report.js';
import { stopCompiler } from '../run/compile-module.js';
import { writeProgramFolder } from '../run/program-folder.js';
import { loadProgram } from '../run/program-graph.js';
import { runtimeModuleUrl } from '../run/runtime-location.js';
import { cacheFolder } from '../run/translation-cache.js';
import { handOverSignals, holdEarlySignals } from '../run/early-signals.js';

/**
 * Runs the program. Returns 1 when it could not be translated (nothing ran); otherwise undefined, because the exit
 * code, stdout and stderr are then the program's own (the runtime sets the code; SIGINT reaches the runtime's handler,
 * which raises KeyboardInterrupt in the program).
 */
export async function run(
  script: string,
  args: readonly string[],
  options: { format: DiagnosticFormat; debug: boolean },
): Promise<number | undefined> {
  holdEarlySignals();
  const cache = await cacheFolder();
  const program = await loadProgram(script, cache, options.debug);
  await stopCompiler();
  await reportDiagnostics(program.diagnostics, program.sources, options.format);
  if (program.modules.length === 0 || hasErrors(program.diagnostics)) return 1;
  const mainFile = await writeProgramFolder(cache, program.modules);
  const mainUrl = pathToFileURL(mainFile).href;
  await prepareRuntime(mainUrl, [script, ...args]);
  // An exception escaping the module is thrown again outside any promise, so that it reaches the runtime's
  // uncaught-exception handler exactly as when Node runs the converted file itself.
  const loaded = import(mainUrl);
  handOverSignals(loaded);
  loaded.catch((error: unknown) => {
    process.nextTick(() => {
      throw error;
    });
  });
  return undefined;
}

/**
 * Loads the runtime before the program: importing it installs the handlers that end the process as CPython does
 * (tracebacks, SystemExit, KeyboardInterrupt), so that even a program that fails while its imports are linked is
 * reported by them. Then tells it which module is `__main__` (Node's entry point is bin/pyts.js, not the program)
 * and sets `sys.argv`: argv[0] is the script path as given, as in CPython.
 */
async function prepareRuntime(mainUrl: string, argv: string[]): Promise<void> {
  const runtime = (await import(runtimeModuleUrl(null))) as { setMainModule: (url: string) => void };
  runtime.setMainModule(mainUrl);
  const sys = (await import(runtimeModuleUrl('sys'))) as { setArgv: (argv: string[]) => void };
  sys.setArgv(argv);
}
