// The `pyts` command line: option parsing and exit codes; each command is a module of ./commands.
import { Command, CommanderError, Option } from 'commander';
import { packageVersion } from './package-info.js';
import { diagnosticFormats, type DiagnosticFormat } from './report.js';
import type { TreeFlags } from './project-plan.js';
import { UsageError } from './usage-error.js';

/** Exit codes: 0 success, 1 errors in the input (or the program's own code for `run`), 2 a bad command line. */
const usageExitCode = 2;

interface CommonOptions {
  format: DiagnosticFormat;
  debug?: boolean;
}

/**
 * Runs the command line `argv` (without `node` and the script). Resolves to the exit code, or to undefined when
 * `pyts run` handed the process over to the program, whose exit code it then is.
 */
export async function main(argv: readonly string[]): Promise<number | undefined> {
  let exitCode: number | undefined = 0;
  let debug = false;
  const program = new Command('pyts')
    .description('Translate Python asyncio programs into TypeScript that behaves like CPython.')
    .version(packageVersion, '-V, --version', 'print the pyts version')
    .helpOption('-h, --help', 'show help')
    .helpCommand('help [command]', 'show help for a command')
    .enablePositionalOptions()
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  pyts run app.py one two          run app.py as python3 would, with sys.argv[1:] = [one, two]',
        '  pyts convert app.py -o app.ts    translate one file',
        '  pyts convert src --out-dir out   translate a folder (src/a/b.py -> out/a/b.ts)',
        '  pyts check src --out-dir out     fail when out/ is not what convert would write',
        '  pyts diff src --out-dir out      show what convert would change in out/',
        '  pyts preview src -o report.html  Python beside its TypeScript, in one HTML page',
        '  pyts explain PYTS4002            explain a diagnostic code',
      ].join('\n'),
    )
    .exitOverride()
    .showSuggestionAfterError(true)
    // Known before the command runs, so that an error it throws is reported with or without its stack.
    .hook('preAction', (_program, command) => {
      debug = command.opts<{ debug?: boolean }>().debug === true;
    });

  withTreeOptions(withCommonOptions(program.command('convert')))
    .summary('translate Python to TypeScript')
    .description(
      'Translate FILE.py (or - for standard input) and print the TypeScript, or write it with -o. ' +
        'With --out-dir (or "outDir" in the config), translate files, folders and globs into that folder: ' +
        'SRC/a/b.py becomes OUT/a/b.ts.',
    )
    .argument('[sources...]', 'files, folders or globs; - for standard input; default: the config\'s "include"')
    .option('-o, --output <file>', 'write the one file\'s TypeScript to this file')
    .option('-w, --watch', 'after converting, convert again whenever a source changes')
    .action(async (sources: string[], options: CommonOptions & TreeOptions & { output?: string; watch?: boolean }) => {
      const { convert } = await import('./commands/convert.js');
      exitCode = await convert(sources, { ...options, debug: options.debug === true });
    });

  withCommonOptions(program.command('run'))
    .summary('run a Python program through the translation')
    .description(
      'Translate FILE.py and the local modules it imports, and run them now: the output, the errors ' +
        "and the exit code are the program's. ARGS become sys.argv[1:]. Unchanged programs start from a cache.",
    )
    .argument('<file>', 'the .py program')
    .argument('[args...]', 'arguments for the program')
    .passThroughOptions()
    .action(async (file: string, args: string[], options: CommonOptions) => {
      const { run } = await import('./commands/run.js');
      exitCode = await run(file, args, { ...options, debug: options.debug === true });
    });

  withTreeOptions(withCommonOptions(program.command('check')))
    .summary('check that translations under OUT are up to date')
    .description(
      'Exit with 1 when an output under OUT is missing or stale, or a source has errors. Writes nothing. ' +
        '--format json prints {files, summary}; --format github prints workflow annotations.',
    )
    .argument('[sources...]', 'files, folders or globs; default: the config\'s "include"')
    .action(async (sources: string[], options: CommonOptions & TreeOptions) => {
      const { check } = await import('./commands/check.js');
      exitCode = await check(sources, { ...options, debug: options.debug === true });
    });

  withTreeOptions(withCommonOptions(program.command('diff')))
    .summary('show what convert would change under OUT')
    .description(
      'Print the unified diff between the translations under OUT and what pyts produces now (coloured on a ' +
        'terminal); exit with 1 when they differ. Writes nothing.',
    )
    .argument('[sources...]', 'files, folders or globs; default: the config\'s "include"')
    .action(async (sources: string[], options: CommonOptions & TreeOptions) => {
      const { diff } = await import('./commands/diff.js');
      exitCode = await diff(sources, { ...options, debug: options.debug === true });
    });

  program
    .command('preview')
    .summary('write an HTML page showing Python beside its TypeScript')
    .description(
      'Write one self-contained HTML page (no server, no network) showing each Python file beside its ' +
        'TypeScript, line by line through the source map, with the diagnostics at their lines.',
    )
    .argument('<input>', 'a .py file or a folder')
    .requiredOption('-o, --output <file>', 'the HTML page to write')
    .option('--debug', 'print stack traces of internal errors')
    .action(async (input: string, options: { output: string; debug?: boolean }) => {
      const { preview } = await import('./commands/preview.js');
      exitCode = await preview(input, { output: options.output, debug: options.debug === true });
    });

  program
    .command('explain')
    .summary('explain a diagnostic code')
    .description('Print the documentation of a diagnostic code, e.g. pyts explain PYTS4102.')
    .argument('<code>', 'a code such as PYTS4102')
    .action(async (code: string) => {
      const { explain } = await import('./commands/explain.js');
      exitCode = await explain(code);
    });

  const debugCommand = program.command('debug').summary('print internal structures (for pyts developers)');
  withCommonOptions(debugCommand.command('tree'))
    .description('Print the typed Python tree the parser builds for FILE.py.')
    .argument('<file>', 'a .py file, or - for standard input')
    .action(async (file: string, options: CommonOptions) => {
      const { debugTree } = await import('./commands/debug.js');
      exitCode = await debugTree(file, options);
    });

  // Sub-commands inherit exitOverride only when they are created after it: apply it to every level.
  for (const command of [...program.commands, ...debugCommand.commands]) command.exitOverride();

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return exitCodeFor(error, debug);
  }
}

/** The options of the commands that work on a tree of sources (convert, check, diff). */
type TreeOptions = Omit<TreeFlags, 'debug'>;

function withTreeOptions(command: Command): Command {
  return command
    .option('--out-dir <folder>', 'the folder translations go to (default: "outDir" in the config)')
    .option('--root-dir <folder>', 'mirror the tree below this folder (default: each source\'s own folder)')
    .option(
      '--exclude <glob>',
      'leave out matching files and folders; repeatable (added to the config\'s "exclude")',
      (glob: string, globs: string[] = []) => [...globs, glob],
    )
    .option('--config <file>', 'read settings from this pyts.config.json or pyproject.toml')
    .option('--runtime-import <specifier>', 'the module emitted imports load the runtime from (default pyts/runtime)')
    .option('-j, --jobs <count>', 'translate on at most this many threads (default: one per core)')
    .option('--no-cache', 'translate every file again instead of reusing unchanged ones')
    .option('--shard <index/count>', 'work on one deterministic part of the files, e.g. 1/3 (for CI matrices)')
    .option('--source-map', 'with each X.ts, X.ts.map mapping the TypeScript back to the Python lines');
}

function withCommonOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--format <format>', 'how diagnostics are printed').choices(diagnosticFormats).default('pretty'),
    )
    .option('--debug', 'print stack traces of internal errors');
}

/** Commander has already printed its own messages (help, version, usage errors) when it throws. */
function exitCodeFor(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : usageExitCode;
  if (error instanceof UsageError) {
    process.stderr.write(`error: ${error.message}\n`);
    return usageExitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(debug && error instanceof Error && error.stack ? `${error.stack}\n` : `pyts: ${message}\n`);
  if (!debug) process.stderr.write('(run again with --debug to see where it happened)\n');
  return 1;
}
