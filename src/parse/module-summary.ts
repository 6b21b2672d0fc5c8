// What another module of the program defines at its top level, for translating the modules that import it: which
// names are coroutine functions, generator functions, plain functions (with their parameters) and classes. Made by
// parsing that module and scanning its top level only, so that each module is still translated on its own.
import { readFileSync, statSync } from 'node:fs';
import type * as ast from './ast.js';
import { moduleFileBeside, type ModuleFileLookup } from './module-lookup.js';
import { parse } from './parse.js';

export type SummaryEntry =
  | { kind: 'function'; node: ast.FunctionDef }
  | {
      kind: 'class';
      node: ast.ClassDef;
      /** the `__init__` a call of the class runs: its own or the first one along its MRO, or null */
      init: ast.FunctionDef | null;
      /**
       * the class and the bases this summary can see (defined in its module or imported from the program's
       * modules), in method resolution order: where an inherited method is found
       */
      mro: readonly ast.ClassDef[];
      /** a `@dataclass` without its own `__init__` and without bases: its constructor's parameters, in order */
      dataclassFields: string[] | null;
    };

export interface ModuleSummary {
  /** the module's file */
  path: string;
  /** top-level functions and classes, its own or imported from another module of the program */
  names: ReadonlyMap<string, SummaryEntry>;
  /** the names `from module import *` binds: its `__all__` when it lists them literally, else its public names */
  starNames: readonly string[];
  /** a text that changes exactly when what importers rely on changes (for caches of translations) */
  key: string;
}

/** What `import name` / `from name import …` (level = leading dots) finds beside `filename`, summarised. */
export function summaryBesideFile(
  filename: string,
  find: ModuleFileLookup = moduleFileBeside(filename),
): (name: string, level: number) => ModuleSummary | null {
  // once per name for the translation this function serves, as moduleFileBeside does
  const byName = new Map<string, ModuleSummary | null>();
  return (name, level) => {
    const key = `${level}:${name}`;
    let summary = byName.get(key);
    if (summary === undefined) {
      const found = find(name, level);
      summary = found ? summaryOf(found.path, new Set()) : null;
      byName.set(key, summary);
    }
    return summary;
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
  const body = (parsed.module?.body ?? []).map(withoutFunctionBodies);
  const names = new Map<string, SummaryEntry>();
  const find = moduleFileBeside(path);
  for (const s of body) {
    if (s.kind === 'FunctionDef') names.set(s.name.id, { kind: 'function', node: s });
    else if (s.kind === 'ClassDef') names.set(s.name.id, classEntry(s, names));
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
  const starNames = starNamesOf(body);
  const summary: ModuleSummary = { path, names, starNames, key: `${summaryKey(names)}\n*=${starNames.join(',')}` };
  summaries.set(path, { stamp, summary });
  return summary;
}

/**
 * Functions of summaries whose bodies yield. A summary keeps definitions without the statements of function bodies
 * (see withoutFunctionBodies), so whether a function is a generator is recorded here when its body is dropped.
 */
const generatorFunctions = new WeakSet<ast.FunctionDef>();

/** Whether a function of a summary is a generator (its body yields); false for any other function. */
export function isSummarisedGenerator(fn: ast.FunctionDef): boolean {
  return generatorFunctions.has(fn);
}

/**
 * A top-level statement as a summary keeps it: functions, and the methods of classes, without the statements of
 * their bodies (importers read signatures, decorators and class bodies, never function bodies). Summaries live as
 * long as the process, and `pyts convert`'s workers summarise most modules of a tree: with the bodies they held most
 * of every imported module's tree (over 100 MB of live heap on the standard library).
 */
function withoutFunctionBodies(s: ast.Stmt): ast.Stmt {
  if (s.kind === 'FunctionDef') {
    const hollow: ast.FunctionDef = { ...s, body: [] };
    if (yields(s.body)) generatorFunctions.add(hollow);
    return hollow;
  }
  if (s.kind === 'ClassDef') return { ...s, body: s.body.map(withoutFunctionBodies) };
  return s;
}

const summarisedMros = new WeakMap<ast.ClassDef, readonly ast.ClassDef[]>();

/** The MRO a summary found for a class of another module (see `mro` above); the class alone when none did. */
export function summarisedMro(cls: ast.ClassDef): readonly ast.ClassDef[] {
  return summarisedMros.get(cls) ?? [cls];
}

function classEntry(s: ast.ClassDef, known: ReadonlyMap<string, SummaryEntry>): SummaryEntry {
  const mro = linearise(s, known);
  const own = (c: ast.ClassDef) =>
    c.body.find((x): x is ast.FunctionDef => x.kind === 'FunctionDef' && x.name.id === '__init__');
  const init = mro.map(own).find((f) => f !== undefined) ?? null;
  const isDataclass = s.decorators.some((d) => {
    const target = d.kind === 'Call' ? d.func : d;
    return (
      (target.kind === 'Name' && target.id === 'dataclass') ||
      (target.kind === 'Attribute' && target.attr.id === 'dataclass')
    );
  });
  const dataclassFields =
    isDataclass && !own(s) && !s.bases.length
      ? s.body.flatMap((x) =>
          x.kind === 'AnnAssign' && x.target.kind === 'Name' && !isClassVar(x.annotation) && !excludedFromInit(x.value)
            ? [x.target.id]
            : [],
        )
      : null;
  summarisedMros.set(s, mro);
  return { kind: 'class', node: s, init: isDataclass && !own(s) ? null : init, mro, dataclassFields };
}

/**
 * The C3 linearisation of `s` over the bases the summary knows (a base named by a class entry already read: one
 * defined earlier in the module or imported from another module of the program); bases it cannot see are left out,
 * and a hierarchy C3 rejects gives the class alone (Python raises TypeError when it defines such a class).
 */
function linearise(s: ast.ClassDef, known: ReadonlyMap<string, SummaryEntry>): ast.ClassDef[] {
  const bases: (readonly ast.ClassDef[])[] = [];
  for (const b of s.bases) {
    const entry = b.kind === 'Name' ? known.get(b.id) : undefined;
    if (entry?.kind === 'class') bases.push(entry.mro);
  }
  const sequences = [...bases.map((m) => [...m]), bases.map((m) => m[0]!)].filter((q) => q.length > 0);
  const order: ast.ClassDef[] = [s];
  while (sequences.length > 0) {
    const head = sequences.map((q) => q[0]!).find((c) => !sequences.some((q) => q.indexOf(c) > 0));
    if (head === undefined) return [s];
    order.push(head);
    for (const q of sequences) if (q[0] === head) q.shift();
    for (let i = sequences.length - 1; i >= 0; i--) if (sequences[i]!.length === 0) sequences.splice(i, 1);
  }
  return order;
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

/**
 * What `import *` takes from a module (Python's `from m import *`): the strings of a literal `__all__` list or tuple
 * (extended by `__all__ += […]`), else every name its top level binds that does not start with an underscore (modules
 * it imports aside).
 */
function starNamesOf(body: readonly ast.Stmt[]): string[] {
  const listed = (e: ast.Expr): string[] | null =>
    (e.kind === 'List' || e.kind === 'Tuple') && e.elts.every((x) => x.kind === 'Constant' && x.value.type === 'str')
      ? e.elts.map((x) => ((x as ast.Constant).value as { value: string }).value)
      : null;
  let all: string[] | null = null;
  const bound = new Set<string>();
  const scan = (statements: readonly ast.Stmt[]): void => {
    for (const s of statements) {
      const target =
        s.kind === 'Assign' && s.targets.length === 1
          ? s.targets[0]
          : s.kind === 'AugAssign' || s.kind === 'AnnAssign'
            ? s.target
            : null;
      if (target?.kind === 'Name' && target.id === '__all__') {
        const value = (s as { value: ast.Expr | null }).value;
        const names = value ? listed(value) : null;
        all = s.kind === 'AugAssign' ? [...(all ?? []), ...(names ?? [])] : names;
      }
      if (s.kind === 'FunctionDef' || s.kind === 'ClassDef') bound.add(s.name.id);
      // a module it imports (`import asyncio`) is the importer's to import: an ES module exports no namespace
      else if (s.kind !== 'Import') for (const name of boundNames(s)) bound.add(name);
      // names bound under a condition or a try at the top level are the module's too
      if (s.kind === 'If') (scan(s.body), scan(s.orelse));
      if (s.kind === 'Try') (scan(s.body), s.handlers.forEach((h) => scan(h.body)), scan(s.orelse), scan(s.finalbody));
    }
  };
  scan(body);
  return all ?? [...bound].filter((name) => !name.startsWith('_'));
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
  // what calls of an instance's methods depend on: each class's methods, their async-ness and parameters
  const methods = (c: ast.ClassDef) =>
    `${c.name.id}:` +
    c.body
      .flatMap((m) => (m.kind === 'FunctionDef' ? [`${m.name.id}(${m.isAsync ? 'async ' : ''}${params(m)})`] : []))
      .join(',');
  const parts = [...names].map(([name, e]) =>
    e.kind === 'function'
      ? `${name}=def(${e.node.isAsync ? 'async ' : ''}${isSummarisedGenerator(e.node) ? 'gen ' : ''}@${e.node.decorators.length} ${params(e.node)})`
      : `${name}=class(${e.init ? params(e.init) : ''}|${e.dataclassFields?.join(',') ?? ''}|${e.mro.map(methods).join('|')})`,
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
