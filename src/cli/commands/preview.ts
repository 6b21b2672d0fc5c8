// `pyts preview FILE.py|DIR -o report.html`: one self-contained HTML page showing each Python file beside its
// TypeScript, lined up through the source map, with the diagnostics at their lines.
import { alignLines, typeScriptLineOrigins } from '../preview/align.js';
import { renderPreview, type PreviewFile } from '../preview/render-html.js';
import { collectSources } from '../sources.js';
import { translateFile } from '../translate.js';
import { UsageError } from '../usage-error.js';
import { writeFileAtomic } from '../write-atomic.js';

export interface PreviewOptions {
  /** the HTML file to write */
  output: string;
  debug: boolean;
}

/** Writes the page; returns 0 once it is written (diagnostics are the page's content, not a failure). */
export async function preview(input: string, options: PreviewOptions): Promise<number> {
  if (!options.output.endsWith('.html') && !options.output.endsWith('.htm')) {
    throw new UsageError(`'${options.output}' is not an .html file: name the page with -o report.html`);
  }
  // a folder is searched as convert searches it (.gitignore, hidden folders and caches left out)
  const sources = (await collectSources([input], { cwd: process.cwd(), exclude: [] })).map((f) => f.source);
  if (sources.length === 0) throw new UsageError(`'${input}' holds no .py files`);
  const files: PreviewFile[] = [];
  for (const source of sources) files.push(await previewFile(source, options.debug));
  await writeFileAtomic(options.output, renderPreview(files));
  const diagnostics = files.reduce((n, f) => n + f.diagnostics.length, 0);
  process.stdout.write(
    `Wrote ${options.output}: ${files.length} file${files.length === 1 ? '' : 's'}, ` +
      `${diagnostics} diagnostic${diagnostics === 1 ? '' : 's'}.\n`,
  );
  return 0;
}

async function previewFile(source: string, debug: boolean): Promise<PreviewFile> {
  const translation = await translateFile(source, { debug, sourceMap: true });
  const python = linesOf(translation.source ?? '');
  const typescript = translation.code === null ? null : linesOf(translation.code);
  const origins =
    typescript === null || !translation.map
      ? (typescript ?? []).map(() => null)
      : typeScriptLineOrigins(translation.map, typescript.length);
  return {
    file: translation.file,
    python,
    typescript,
    rows: alignLines(python, typescript ?? [], origins),
    diagnostics: translation.diagnostics,
  };
}

/** The lines of a text, without the empty one after a final newline. */
function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
