// State shared by the translators of one file: the analysis, the diagnostics collected so far, the runtime names
// the output imports, and the function being translated.
import type { Analysis, Binding } from '../analyze/index.js';
import { isReserved } from '../analyze/names.js';
import type { FunctionInfo } from '../analyze/infer.js';
import { toTs, type PyType } from '../analyze/types.js';
import { createDiagnostic, type DiagnosticCode, type DiagnosticName } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type * as ast from '../parse/ast.js';
import type CodeBlockWriter from './writer.js';
import { sourceMarker } from './source-markers.js';

/** The function (or module) whose body is being written. */
export interface FunctionFrame {
  info: FunctionInfo | null;
  isAsync: boolean;
  /** a plain `def` that runs the event loop, emitted as an async function (analyze/blocking.ts) */
  blocking?: boolean;
  /** the name of the `catch` variable of each enclosing except handler, innermost last (for bare `raise`) */
  caught: string[];
  /** labels for `break` out of a loop that has an `else` clause, innermost last (null: plain break) */
  loopLabels: (string | null)[];
  /** true inside a class body's methods: `self` is `this` */
  selfName: string | null;
  /** generated temporaries the function body must declare (`let value;`) */
  temps?: string[];
  /** the Python function's name, as a traceback shows it; absent at module level */
  scope?: string;
}

export class TranslateContext {
  readonly diagnostics: Diagnostic[] = [];
  /** runtime module (as Python names it: '' for builtins, 'asyncio', 'time'…) → export name → local name */
  private readonly runtimeNamed = new Map<string, Map<string, string>>();
  /** runtime module → local namespace name, for `import asyncio` and for types such as `asyncio.Task<T>` */
  private readonly runtimeNamespaces = new Map<string, string>();
  /** local (sibling) modules: specifier → namespace name or named imports */
  readonly localImports: { specifier: string; namespace: string | null; named: [string, string][] }[] = [];
  private frames: FunctionFrame[] = [];
  /** set when the module body awaits (ESM top-level await) */
  usesTopLevelAwait = false;
  /** the expression of the expression statement being written: its value is discarded, so a call whose JS
   *  namesake returns something Python's does not (`push` a length, `reverse` the array) needs no `null` */
  discardedValue: ast.Expr | null = null;
  /** a default Python evaluates once, at `def`, → the constant holding that one value (functions/parameters.ts) */
  readonly sharedDefaults = new Map<ast.Expr, string>();
  /** functions that carry their Python signature at run time (functions/signature.ts) */
  signed: ReadonlySet<ast.FunctionDef> = new Set();
  /** module-level classes that carry their `__init__`'s signature (translate/classes) */
  signedClasses: ReadonlyMap<ast.ClassDef, ast.FunctionDef> = new Map();
  /** functions whose signature the module's pythonFunctions(…) statement gives (translate/index.ts) */
  readonly signedAtTop = new Set<ast.FunctionDef>();

  /** the source's comments not yet written, in order */
  private readonly comments: ast.Comment[];
  private nextComment = 0;

  constructor(
    readonly analysis: Analysis,
    readonly file: string,
    readonly runtimeSpecifier: string,
    private readonly localModule: (name: string, level: number) => 'module' | 'package' | null = () => null,
    comments: readonly ast.Comment[] = [],
  ) {
    // a shebang and a coding declaration are for Python's launcher and tokenizer, not for the reader
    this.comments = comments.filter((c) => !(c.range.start.line <= 2 && (/^!/.test(c.text) || /coding[:=]\s*[-\w.]+/.test(c.text))));
    this.frames.push({ info: null, isAsync: false, caught: [], loopLabels: [], selfName: null });
  }

  /**
   * Write, as `//` lines, the comments that stand before source line `line` (all that are left when `line` is
   * Infinity). A blank line separates them from what came before when the source had one after line `previousEnd`.
   * Returns the last source line written, or `previousEnd` when there was nothing to write.
   */
  writeCommentsBefore(line: number, w: CodeBlockWriter, previousEnd: number | null = null): number | null {
    let last = previousEnd;
    while (this.nextComment < this.comments.length && this.comments[this.nextComment]!.range.start.line < line) {
      const c = this.comments[this.nextComment++]!;
      if (last !== null && c.range.start.line > last + 1) w.blankLineIfLastNot();
      w.writeLine(`//${c.text}`);
      last = c.range.end.line;
    }
    return last;
  }

  /** The comment at the end of source line `line`, if one is left there (it is then written by the caller). */
  takeTrailingComment(line: number): string | null {
    const c = this.comments[this.nextComment];
    if (!c || c.range.start.line !== line) return null;
    this.nextComment++;
    return `//${c.text}`;
  }

  get frame(): FunctionFrame {
    return this.frames[this.frames.length - 1]!;
  }

  get atModuleLevel(): boolean {
    return this.frames.length === 1;
  }

  withFrame<T>(frame: FunctionFrame, fn: () => T): T {
    this.frames.push(frame);
    try {
      return fn();
    } finally {
      this.frames.pop();
    }
  }

  report(
    code: DiagnosticCode | DiagnosticName,
    node: { range: ast.Range } | null,
    args: (string | number)[] = [],
    hint?: string,
  ): void {
    const input = { file: this.file, range: node?.range ?? null, args, ...(hint === undefined ? {} : { hint }) };
    this.diagnostics.push(createDiagnostic(code, input));
  }

  /** The local name of a runtime export, importing it on first use (`print` from 'pyts/runtime'). */
  rt(name: string, module = ''): string {
    let names = this.runtimeNamed.get(module);
    if (!names) {
      names = new Map();
      this.runtimeNamed.set(module, names);
    }
    let local = names.get(name);
    if (!local) {
      local = this.analysis.names.isTaken(name) ? this.analysis.names.claim(`${name}_`) : name;
      this.analysis.names.claimExact(local);
      names.set(name, local);
    }
    return local;
  }

  private readonly verbatim = new WeakSet<ast.Name>();

  /** A Name node for a TS identifier pyts generated (it is printed as is, never resolved as Python). */
  verbatimName(id: string, range: ast.Range): ast.Name {
    const node: ast.Name = { kind: 'Name', id, ctx: 'Load', range };
    this.verbatim.add(node);
    return node;
  }

  isVerbatim(node: ast.Name): boolean {
    return this.verbatim.has(node);
  }

  /** The local name of a runtime export if the output already imports it (does not import it). */
  importedName(name: string, module = ''): string | null {
    return this.runtimeNamed.get(module)?.get(name) ?? null;
  }

  /** Import a runtime export under a local name the program chose (`from asyncio import sleep as nap`). */
  rtAs(name: string, module: string, local: string): void {
    let names = this.runtimeNamed.get(module);
    if (!names) {
      names = new Map();
      this.runtimeNamed.set(module, names);
    }
    names.set(name, local);
  }

  /** What `import name` (level: leading dots) names in the user's program: a module file, a package, or nothing. */
  localModuleKind(name: string, level = 0): 'module' | 'package' | null {
    return this.localModule(name, level);
  }

  /** Write source markers in front of statements (see source-markers.ts); set when a source map is wanted. */
  sourceMarkers = false;

  private methodsByName: Map<string, FunctionInfo[]> | null = null;

  /**
   * The methods (`def`s in a class body) named `name`, in the order analysis recorded them. Made once per module:
   * calls looked a method up by scanning every function of the module, which grows with the square of its size.
   * Analysis records every `def` before translation starts; only lambdas, never methods, are recorded later.
   */
  methodsNamed(name: string): readonly FunctionInfo[] {
    if (this.methodsByName === null) {
      this.methodsByName = new Map();
      for (const f of this.analysis.types.functions.values()) {
        if (f.classNode === null || f.node.kind !== 'FunctionDef') continue;
        const methods = this.methodsByName.get(f.node.name.id);
        if (methods) methods.push(f);
        else this.methodsByName.set(f.node.name.id, [f]);
      }
    }
    return this.methodsByName.get(name) ?? [];
  }

  /** The marker naming `node` as the origin of the statement about to be written, or '' without source maps. */
  marker(node: { range: ast.Range }): string {
    if (!this.sourceMarkers) return '';
    const scope = this.frames.findLast((f) => f.scope !== undefined)?.scope ?? null;
    return sourceMarker(node, scope);
  }

  /** Export top-level declarations (the module may be imported by another). */
  exportTopLevel = false;
  /** how emitted code names the Python file (`__file__`, pythonFunctions) */
  pythonFile = '';
  /** the module's own statement list (its top level) */
  moduleBody: readonly ast.Stmt[] | null = null;

  /** The local namespace name of a runtime module (`asyncio`), importing it on first use. */
  namespace(module: string, preferred = module): string {
    let local = this.runtimeNamespaces.get(module);
    if (!local && isReserved(preferred)) preferred = `${preferred}_`;
    if (!local) {
      local =
        this.analysis.names.isTaken(preferred) && !this.isUserNamespace(preferred, module)
          ? this.analysis.names.claim(preferred)
          : preferred;
      this.analysis.names.claimExact(local);
      this.runtimeNamespaces.set(module, local);
    }
    return local;
  }

  /** Register the user's own `import asyncio as aio`: the namespace import uses their name. */
  bindNamespace(module: string, local: string): void {
    if (!this.runtimeNamespaces.has(module)) this.runtimeNamespaces.set(module, local);
  }

  private isUserNamespace(name: string, module: string): boolean {
    for (const [b, target] of this.analysis.types.imports) {
      if (b.name === name && target.module === module && target.member === null) return true;
    }
    return false;
  }

  /** The import declarations the output needs, runtime first, in a stable order. */
  importList(): { specifier: string; namespace: string | null; named: [string, string][] }[] {
    const spec = (module: string) => (module === '' ? this.runtimeSpecifier : `${this.runtimeSpecifier}/${module}`);
    const modules = [...new Set([...this.runtimeNamespaces.keys(), ...this.runtimeNamed.keys()])].sort(
      (a, b) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0) || a.localeCompare(b),
    );
    const out: { specifier: string; namespace: string | null; named: [string, string][] }[] = [];
    for (const m of modules) {
      const ns = this.runtimeNamespaces.get(m);
      if (ns) out.push({ specifier: spec(m), namespace: ns, named: [] });
      const named = this.runtimeNamed.get(m);
      if (named && named.size)
        out.push({ specifier: spec(m), namespace: null, named: [...named].sort((a, b) => a[0].localeCompare(b[0])) });
    }
    return [...out, ...this.localImports];
  }

  /** Ask the current function body to declare these generated temporaries. */
  declareTemps(names: string[]): void {
    (this.frame.temps ??= []).push(...names);
  }

  /** The TypeScript spelling of a type, importing the runtime names it mentions. */
  ts(t: PyType): string {
    const placeholder = '\u0000asyncio';
    let text = toTs(t, placeholder);
    if (text.includes(placeholder)) text = text.replaceAll(placeholder, this.namespace('asyncio'));
    // most types name none of the runtime's classes: no need to run the expression over them
    if (!text.includes('Py')) return text;
    return text.replace(/\b(PyBytes|PyDict|PyGenerator|PyNumber|PySet)\b/g, (name) => this.rt(name));
  }

  tsName(b: Binding): string {
    return this.analysis.tsNames.get(b) ?? b.name;
  }
}
