// Imports. Python modules the runtime provides become imports of `pyts/runtime/<module>`; sibling modules become
// relative ES module imports (`./helper.js`); `typing` and `__future__` vanish (types only); anything else is
// reported, since the program would fail at its first use.
import { NameAllocator } from '../../analyze/names.js';
import { ASYNCIO_MODULE, camelCase, tsName } from '../../asyncio-map/table.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { Untranslatable } from '../expressions/index.js';

/** Python modules the runtime provides (a folder of src/runtime each). */
export const RUNTIME_MODULES = new Set([
  'asyncio',
  'time',
  'sys',
  'contextvars',
  'contextlib',
  'functools',
  'threading',
  'collections',
  'itertools',
  'math',
  'random',
  'json',
  'logging',
  'os',
  'textwrap',
  'string',
  'enum',
  'dataclasses',
  'copy',
  'operator',
  'socket',
  'signal',
  'pathlib',
]);
/** Modules that only carry type information: nothing to import at run time. */
export const TYPE_ONLY_MODULES: ReadonlySet<string> = new Set(['typing', '__future__', 'typing_extensions']);

export function translateImport(s: ast.Import, ctx: TranslateContext): string | null {
  const reexported: string[] = [];
  for (const a of s.names) {
    const root = a.name.split('.')[0]!;
    if (TYPE_ONLY_MODULES.has(root)) continue;
    if (a.name.includes('.') && !a.asname) throw new Untranslatable(`import of a submodule ('${a.name}')`, a);
    const binding = ctx.analysis.types.bindingNamed(s, a.asname?.id ?? root);
    const local = binding ? ctx.tsName(binding) : (a.asname?.id ?? a.name);
    if (RUNTIME_MODULES.has(a.name)) {
      ctx.bindNamespace(a.name, local);
      ctx.namespace(a.name, local);
      continue;
    }
    const kind = ctx.localModuleKind(a.name, 0);
    if (kind) {
      ctx.localImports.push({ specifier: localSpecifier(a.name, 0, kind), namespace: local, named: [] });
      reexported.push(local);
      continue;
    }
    ctx.report('PYTS3004', a, [a.name]);
    throw new Untranslatable(`import of '${a.name}'`, a);
  }
  return reexport(reexported, ctx, s);
}

/** A name imported at a module's top level is an attribute of that module in Python: another module can import
 *  it from there (`shapes/__init__.py` doing `from .rect import area`). */
function reexport(names: string[], ctx: TranslateContext, statement: ast.Stmt): string | null {
  if (!ctx.exportTopLevel || !ctx.moduleBody?.includes(statement) || names.length === 0) return null;
  return `export { ${names.join(', ')} };`;
}

export function translateImportFrom(s: ast.ImportFrom, ctx: TranslateContext): string | null {
  const module = s.module ?? '';
  if (s.level === 0 && TYPE_ONLY_MODULES.has(module.split('.')[0]!)) return null;
  if (s.names.some((a) => a.name === '*')) throw new Untranslatable("'from … import *'", s);
  if (s.level === 0 && RUNTIME_MODULES.has(module)) {
    for (const a of s.names) {
      const local = a.asname?.id ?? a.name;
      const entry = module === 'asyncio' ? ASYNCIO_MODULE[a.name] : undefined;
      if (module === 'asyncio' && !entry) {
        ctx.report('PYTS4001', a, [a.name, '']);
        throw new Untranslatable(`asyncio.${a.name}`, a);
      }
      // the runtime's modules export Python's names in camelCase (constants and classes keep theirs)
      const exported = entry ? tsName(a.name, entry) : camelCase(a.name);
      const b = ctx.analysis.types.bindingNamed(s, local);
      ctx.rtAs(exported, module, b ? ctx.tsName(b) : local);
    }
    return null;
  }
  const localName = (a: ast.Alias) => {
    const b = ctx.analysis.types.bindingNamed(s, a.asname?.id ?? a.name);
    return b ? ctx.tsName(b) : (a.asname?.id ?? a.name);
  };
  if (module === '' && s.level > 0) {
    // `from . import a, b`: submodules of this package are modules of their own; other names come from __init__
    const named: [string, string][] = [];
    for (const a of s.names) {
      const kind = ctx.localModuleKind(a.name, s.level);
      if (kind) ctx.localImports.push({ specifier: localSpecifier(a.name, s.level, kind), namespace: localName(a), named: [] });
      else named.push([exportedName(a.name), localName(a)]);
    }
    if (named.length) ctx.localImports.push({ specifier: localSpecifier('', s.level, 'package'), namespace: null, named });
    return reexport(s.names.map(localName), ctx, s);
  }
  const kind = ctx.localModuleKind(module, s.level);
  if (kind) {
    ctx.localImports.push({
      specifier: localSpecifier(module, s.level, kind),
      namespace: null,
      named: s.names.map((a) => [exportedName(a.name), localName(a)]),
    });
    return reexport(s.names.map(localName), ctx, s);
  }
  ctx.report('PYTS3004', s, [module || '.'.repeat(s.level)]);
  throw new Untranslatable(`import from '${module}'`, s);
}

/** The ES module specifier of a module of the program: `./helper.js`, `./pkg/index.js`, `../util.js`. */
function localSpecifier(name: string, level: number, kind: 'module' | 'package'): string {
  const base = level <= 1 ? './' : '../'.repeat(level - 1);
  const path = name.split('.').filter(Boolean).join('/');
  if (kind === 'package') return `${base}${path ? `${path}/` : ''}index.js`;
  return `${base}${path}.js`;
}

/** The TypeScript name another translated module exports for a Python top-level name. */
function exportedName(python: string): string {
  return NameAllocator.userName(python, new Set());
}
