// The preview page: one self-contained HTML file (styles and script inline, nothing fetched), each Python file
// beside its TypeScript, row by row as align.ts pairs them, with diagnostics under the lines they are about.
import type { Diagnostic } from '../../api.js';
import type { AlignedRow } from './align.js';

/** One translated file, ready to show. */
export interface PreviewFile {
  /** the Python file's name as the user gave it */
  file: string;
  python: string[];
  /** the TypeScript lines, or null when the translation stopped on an error */
  typescript: string[] | null;
  rows: AlignedRow[];
  diagnostics: Diagnostic[];
}

/** The whole page. A list of files comes first when there is more than one. */
export function renderPreview(files: readonly PreviewFile[]): string {
  const counts = countSeverities(files.flatMap((f) => f.diagnostics));
  const summary = [plural(files.length, 'file'), plural(counts.error, 'error'), plural(counts.warning, 'warning')].join(
    ' · ',
  );
  const list = files.length > 1 ? fileList(files) : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>pyts preview: ${escape(files.length === 1 ? files[0]!.file : plural(files.length, 'file'))}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>pyts preview</h1><p class="summary">${escape(summary)}</p></header>
<div class="layout${list ? ' with-list' : ''}">
${list}<main>
${files.map((f, i) => fileSection(f, i)).join('\n')}
</main>
</div>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function fileList(files: readonly PreviewFile[]): string {
  const items = files.map((f, i) => {
    const counts = countSeverities(f.diagnostics);
    const badge =
      counts.error + counts.warning === 0
        ? ''
        : ` <span class="badge ${counts.error ? 'error' : 'warning'}">${counts.error + counts.warning}</span>`;
    return `<li><a href="#file-${i}" data-target="file-${i}">${escape(f.file)}</a>${badge}</li>`;
  });
  return `<nav class="files" aria-label="Files"><ul>\n${items.join('\n')}\n</ul></nav>\n`;
}

function fileSection(f: PreviewFile, index: number): string {
  const byLine = new Map<number, Diagnostic[]>();
  const fileWide: Diagnostic[] = [];
  for (const d of f.diagnostics) {
    if (d.range === null) fileWide.push(d);
    else byLine.set(d.range.start.line, [...(byLine.get(d.range.start.line) ?? []), d]);
  }
  const rows: string[] = [];
  for (const row of f.rows) {
    const notes = row.python === null ? [] : (byLine.get(row.python) ?? []);
    const severity = notes.some((d) => d.severity === 'error') ? ' error' : notes.length ? ' warning' : '';
    const attributes = [
      row.python === null ? '' : ` data-py="${row.python}"`,
      row.typescript === null ? '' : ` data-ts="${row.typescript}"`,
      row.origin === null ? '' : ` data-origin="${row.origin}"`,
    ].join('');
    const tsCell =
      row.typescript === null
        ? '<td class="ln"></td><td class="code ts"></td>'
        : `<td class="ln"${row.origin !== null && !row.paired ? ` title="from Python line ${row.origin}"` : ''}>${row.typescript}</td>` +
          `<td class="code ts">${escape(f.typescript?.[row.typescript - 1] ?? '')}</td>`;
    const pyCell =
      row.python === null
        ? '<td class="ln"></td><td class="code py"></td>'
        : `<td class="ln">${row.python}</td><td class="code py">${escape(f.python[row.python - 1] ?? '')}</td>`;
    rows.push(`<tr class="line${row.paired ? ' paired' : ''}${severity}"${attributes}>${pyCell}${tsCell}</tr>`);
    for (const d of notes) rows.push(diagnosticRow(d));
  }
  const failed =
    f.typescript === null
      ? '<p class="failed">No TypeScript was written: the translation stopped on an error.</p>'
      : '';
  return `<section class="file" id="file-${index}" data-file="${escape(f.file)}">
<h2>${escape(f.file)}</h2>
${fileWide.map((d) => `<p class="diagnostic ${d.severity}" data-code="${d.code}">${diagnosticText(d)}</p>`).join('\n')}${failed}
<table class="pair">
<colgroup><col class="ln"><col class="code"><col class="ln"><col class="code"></colgroup>
<thead><tr><th colspan="2">Python</th><th colspan="2">TypeScript</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}

function diagnosticRow(d: Diagnostic): string {
  const line = d.range?.start.line ?? 0;
  return `<tr class="diagnostic ${d.severity}" data-line="${line}" data-code="${d.code}"><td class="ln"></td><td colspan="3">${diagnosticText(d)}</td></tr>`;
}

function diagnosticText(d: Diagnostic): string {
  const where = d.range === null ? '' : `${d.range.start.line}:${d.range.start.col + 1} `;
  const hint = d.hint === undefined ? '' : ` <span class="hint">hint: ${escape(d.hint)}</span>`;
  return `<span class="where">${where}</span><span class="severity">${d.severity}</span> <span class="code-id">${d.code}</span>: ${escape(d.message)}${hint}`;
}

function countSeverities(diagnostics: readonly Diagnostic[]): { error: number; warning: number } {
  return {
    error: diagnostics.filter((d) => d.severity === 'error').length,
    warning: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
:root { color-scheme: light; --line: #e4e7eb; --muted: #6b7280; --pair: #f3f7ff; --hover: #fff4c2; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; background: #fff; }
header { display: flex; align-items: baseline; gap: 1rem; padding: 0.75rem 1.25rem; border-bottom: 1px solid var(--line); background: #f6f8fa; }
h1 { font-size: 1.15rem; margin: 0; }
.summary { margin: 0; color: var(--muted); }
.layout.with-list { display: grid; grid-template-columns: minmax(12rem, 18rem) 1fr; min-height: calc(100vh - 3.2rem); }
nav.files { border-right: 1px solid var(--line); padding: 0.5rem 0; background: #fbfbfc; }
nav.files ul { list-style: none; margin: 0; padding: 0; }
nav.files li { display: flex; justify-content: space-between; align-items: center; padding: 0.2rem 1rem; }
nav.files a { color: #0b57d0; text-decoration: none; word-break: break-all; }
nav.files li.current { background: #e8f0fe; font-weight: 600; }
.badge { font-size: 0.75rem; border-radius: 999px; padding: 0 0.45rem; color: #fff; }
.badge.error { background: #c62828; } .badge.warning { background: #b26a00; }
main { padding: 0.75rem 1.25rem 2rem; min-width: 0; }
h2 { font-size: 1rem; margin: 0.5rem 0; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
table.pair { width: 100%; border-collapse: collapse; table-layout: fixed; border: 1px solid var(--line); }
col.ln { width: 3.2rem; }
th { text-align: left; padding: 0.3rem 0.5rem; background: #f6f8fa; border-bottom: 1px solid var(--line); }
td { vertical-align: top; padding: 0 0.5rem; }
td.ln { text-align: right; color: var(--muted); user-select: none; font: 12px/1.6 ui-monospace, SFMono-Regular, Menlo, monospace; }
td.code { font: 13px/1.6 ui-monospace, SFMono-Regular, Menlo, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
td.code.py { border-right: 1px solid var(--line); }
tr.paired td { border-top: 1px solid var(--line); }
tr.paired td.code, tr.paired td.ln { background: var(--pair); }
tr.highlight td { background: var(--hover) !important; }
tr.line.error td.code.py { background: #fdecea; }
tr.line.warning td.code.py { background: #fff6e0; }
tr.diagnostic td, p.diagnostic { font-size: 13px; padding: 0.25rem 0.5rem; }
.diagnostic.error { color: #b71c1c; background: #fdecea; }
.diagnostic.warning { color: #8a5300; background: #fff6e0; }
.diagnostic .severity, .diagnostic .code-id { font-weight: 600; }
.diagnostic .hint { display: block; color: #374151; }
.failed { color: #b71c1c; }
`;

// Without a list every file is shown; with one, the chosen file (the address's #file-N, else the first). Hovering
// a line highlights every line translated from the same Python line.
const SCRIPT = `
(function () {
  var links = Array.prototype.slice.call(document.querySelectorAll('nav.files a'));
  var sections = Array.prototype.slice.call(document.querySelectorAll('section.file'));
  function show(id) {
    if (links.length === 0) return;
    if (!document.getElementById(id)) id = sections[0].id;
    sections.forEach(function (s) { s.hidden = s.id !== id; });
    links.forEach(function (a) { a.parentElement.classList.toggle('current', a.dataset.target === id); });
  }
  window.addEventListener('hashchange', function () { show(location.hash.slice(1)); });
  show(location.hash.slice(1));
  document.addEventListener('mouseover', function (event) {
    var row = event.target.closest && event.target.closest('tr.line');
    document.querySelectorAll('tr.highlight').forEach(function (r) { r.classList.remove('highlight'); });
    if (!row) return;
    var line = row.dataset.origin || row.dataset.py;
    if (!line) return;
    row.closest('tbody').querySelectorAll('tr.line').forEach(function (r) {
      if (r.dataset.py === line || r.dataset.origin === line) r.classList.add('highlight');
    });
  });
})();
`;
