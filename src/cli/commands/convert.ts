// `pyts convert`: Python in, TypeScript out (stdout, one file, or a mirrored folder tree).
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { hasErrors } from '../cli-diagnostics.js';
import { findSourceTargets, toTypeScriptName } from '../python-files.js';
import { reportDiagnostics, type DiagnosticFormat } from '../report.js';
import { sourceTexts, translateFile, type FileTranslation } from '../translate.js';
import { writeFileAtomic } from '../write-atomic.js';
import { UsageError } from '../usage-error.js';

export interface ConvertOptions {
  /** write the one input's TypeScript to this file instead of stdout */
  output?: string;
  /** mirror the input folder's `.py` files into this folder as `.ts` */
  outDir?: string;
  format: DiagnosticFormat;
  debug: boolean;
}

/** Returns the exit code: 1 when any file has an error diagnostic, else 0 (warnings do not count). */
export async function convert(input: string, options: ConvertOptions): Promise<number> {
  if (options.output !== undefined && options.outDir !== undefined) {
    throw new UsageError("options '-o, --output' and '--out-dir' cannot be used together");
  }
  if (input !== '-' && (await isDirectory(input))) {
    if (options.outDir === undefined) throw new UsageError(`'${input}' is a folder: give --out-dir to convert it`);
    return convertTree(input, options.outDir, options);
  }
  const translation = await translateFile(input, options.debug);
  await reportDiagnostics(translation.diagnostics, sourceTexts([translation]), options.format);
  if (translation.code === null) return 1;
  if (options.output !== undefined) {
    await writeFileAtomic(options.output, translation.code);
  } else if (options.outDir !== undefined) {
    const name = input === '-' ? 'stdin.ts' : toTypeScriptName(input.split('/').at(-1) ?? input);
    await writeFileAtomic(join(options.outDir, name), translation.code);
  } else {
    process.stdout.write(translation.code);
  }
  return hasErrors(translation.diagnostics) ? 1 : 0;
}

/** Converts every `.py` file under `root`, then reports all diagnostics and a summary line. */
async function convertTree(root: string, outDir: string, options: ConvertOptions): Promise<number> {
  const targets = await findSourceTargets(root, outDir);
  const translations: FileTranslation[] = [];
  const failed: FileTranslation[] = [];
  for (const { source, target } of targets) {
    const translation = await translateFile(source, options.debug);
    translations.push(translation);
    if (translation.code !== null) await writeFileAtomic(target, translation.code);
    if (translation.code === null || hasErrors(translation.diagnostics)) failed.push(translation);
  }
  // One report for the whole tree, so that `--format json` prints one document.
  const diagnostics = translations.flatMap((t) => t.diagnostics);
  await reportDiagnostics(diagnostics, sourceTexts(translations), options.format);
  const written = targets.length - failed.filter((t) => t.code === null).length;
  const errors = failed.length === 0 ? '' : `; ${plural(failed.length, 'file')} with errors`;
  process.stdout.write(`Converted ${plural(written, 'file')} of ${targets.length} into ${outDir}${errors}.\n`);
  return failed.length === 0 ? 0 : 1;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
