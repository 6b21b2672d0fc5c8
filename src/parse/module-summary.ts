// What another module of the program defines at its top level, for translating the modules that import it: which
// names are coroutine functions, generator functions, plain functions (with their parameters) and classes. Made by
// parsing that module and scanning its top level only, so that each module is still translated on its own.
import { readFileSync, statSync } from 'node:fs';
import type * as ast from './ast.js';
import { moduleFileBeside } from './module-lookup.js';
import { parse } from './parse.js';

export type SummaryEntry =
  | { kind: 'function'; node: ast.FunctionDef }
  | {
      kind: 'class';
      node: ast.ClassDef;
      /** the `__init__` the class defines itself, or null */
      init: ast.FunctionDef | null;
      /** a `@dataclass` without its own `__init__` and without bases: its constructor's parameters, in order */
      dataclassFields: string[] | null;
    };

export interface ModuleSummary {
  /** the module's file */
  path: string;
  /** top-level functions and classes, its own or imported from another module of the program */
  names: ReadonlyMap<string, SummaryEntry>;
  /** a text that changes exactly when what importers rely on changes (for caches of translations) */
  key: string;
}

/** What `import name` / `from name import …` (level = leading dots) finds beside `filename`, summarised. */
export function summaryBesideFile(filename: string): (name: string, level: number) => ModuleSummary | null {
  const find = moduleFileBeside(filename);
  return (name, level) => {
    const found = find(name, level);
    return found ? summaryOf(found.path, new Set()) : null;
  };
}

/** Summaries by file, kept while the file's modification time and size stay the same (`pyts watch` re-reads). */
const summaries = new Map<string, { stamp: string; summary: ModuleSummary }>();

function summaryOf(path: string, resolving: Set<string>): ModuleSummary | null {
  let stamp: string;
  try {
    const s = statSync(path);
    stamp = `${s.mtimeMs}:${s.size}`;
  } catch {
    return null;
  }
  const cached = summaries.get(path);
  if (cached?.stamp === stamp) return cached.summary;
  // an import cycle: the names of the module still being read are not known yet (as in Python, half-initialised)
  if (resolving.has(path)) return null;
  resolving.add(path);
  const parsed = parse(readFileSync(path, 'utf8'), path);
  const names = new Map<string, SummaryEntry>();
  const find = moduleFileBeside(path);
  for (const s of parsed.module?.body ?? []) {
    if (s.kind === 'FunctionDef') names.set(s.name.id, { kind: 'function', node: s });
    else if (s.kind === 'ClassDef') names.set(s.name.id, classEntry(s));
    else if (s.kind === 'ImportFrom' && (s.module || s.level) && !s.names.some((a) => a.name === '*')) {
      const found = find(s.module ?? '', s.level);
      const from = found ? summaryOf(found.path, resolving) : null;
      for (const a of s.names) {
        const entry = from?.names.get(a.name);
        if (entry) names.set(a.asname?.id ?? a.name, entry);
        else names.delete(a.asname?.id ?? a.name);
      }
    } else {
      // any other binding of a name (an assignment, a plain import) hides what an earlier statement gave it
      for (const bound of boundNames(s)) names.delete(bound);
    }
  }
  resolving.delete(path);
  const summary: ModuleSummary = { path, names, key: summaryKey(names) };
  summaries.set(path, { stamp, summary });
  return summary;
}

function classEntry(s: ast.ClassDef): SummaryEntry {
  const init = s.body.find((x): x is ast.FunctionDef => x.kind === 'FunctionDef' && x.name.id === '__init__') ?? null;
  const isDataclass = s.decorators.some((d) => {
    const target = d.kind === 'Call' ? d.func : d;
    return (
      (target.kind === 'Name' && target.id === 'dataclass') ||
      (target.kind === 'Attribute' && target.attr.id === 'dataclass')
    );
  });
  const dataclassFields =
    isDataclass && !init && !s.bases.length
      ? s.body.flatMap((x) =>
          x.kind === 'AnnAssign' && x.target.kind === 'Name' && !isClassVar(x.annotation) && !excludedFromInit(x.value)
            ? [x.target.id]
            : [],
        )
      : null;
  return { kind: 'class', node: s, init, dataclassFields };
}

function isClassVar(annotation: ast.Expr): boolean {
  const head = annotation.kind === 'Subscript' ? annotation.value : annotation;
  return (head.kind === 'Name' && head.id === 'ClassVar') || (head.kind === 'Attribute' && head.attr.id === 'ClassVar');
}

/** `field(init=False)` */
function excludedFromInit(value: ast.Expr | null): boolean {
  return (
    value?.kind === 'Call' &&
    value.keywords.some(
      (k) =>
        k.arg?.id === 'init' && k.value.kind === 'Constant' && k.value.value.type === 'bool' && !k.value.value.value,
    )
  );
}

function boundNames(s: ast.Stmt): string[] {
  const targets = (e: ast.Expr): string[] =>
    e.kind === 'Name' ? [e.id] : e.kind === 'Tuple' || e.kind === 'List' ? e.elts.flatMap(targets) : [];
  switch (s.kind) {
    case 'Assign':
      return s.targets.flatMap(targets);
    case 'AnnAssign':
    case 'AugAssign':
      return targets(s.target);
    case 'Import':
      return s.names.map((a) => a.asname?.id ?? a.name.split('.')[0]!);
    case 'ImportFrom':
      return s.names.map((a) => a.asname?.id ?? a.name);
    default:
      return [];
  }
}

/** The shape importers depend on: each name's kind, async-ness, generator-ness, decorators and parameters. */
function summaryKey(names: ReadonlyMap<string, SummaryEntry>): string {
  const params = (f: ast.FunctionDef) => {
    const a = f.args;
    return [
      a.posonlyargs.map((p) => p.arg).join(','),
      a.args.map((p) => p.arg).join(','),
      a.defaults.length,
      a.vararg?.arg ?? '',
      a.kwonlyargs.map((p) => p.arg).join(','),
      a.kwarg?.arg ?? '',
    ].join(';');
  };
  const parts = [...names].map(([name, e]) =>
    e.kind === 'function'
      ? `${name}=def(${e.node.isAsync ? 'async ' : ''}${yields(e.node.body) ? 'gen ' : ''}@${e.node.decorators.length} ${params(e.node)})`
      : `${name}=class(${e.init ? params(e.init) : ''}|${e.dataclassFields?.join(',') ?? ''})`,
  );
  return parts.sort().join('\n');
}

/** True when a function body yields (not counting nested functions, classes and lambdas). */
function yields(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(yields);
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: string }).kind;
  if (kind === 'Yield' || kind === 'YieldFrom') return true;
  if (kind === 'FunctionDef' || kind === 'ClassDef' || kind === 'Lambda') return false;
  return Object.values(value).some(yields);
}
