// Imports. Python modules the runtime provides become imports of `pyts/runtime/<module>`; sibling modules become
// relative ES module imports (`./helper.js`); `typing` and `__future__` vanish (types only); anything else is
// reported, since the program would fail at its first use.
import { ASYNCIO_MODULE, tsName } from '../../asyncio-map/table.js';
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
]);
/** Modules that only carry type information: nothing to import at run time. */
const TYPE_ONLY_MODULES = new Set(['typing', '__future__', 'typing_extensions']);

export function translateImport(s: ast.Import, ctx: TranslateContext): string | null {
  for (const a of s.names) {
    const root = a.name.split('.')[0]!;
    if (TYPE_ONLY_MODULES.has(root)) continue;
    if (a.name.includes('.') && !a.asname) throw new Untranslatable(`import of a submodule ('${a.name}')`, a);
    if (RUNTIME_MODULES.has(a.name)) {
      ctx.bindNamespace(a.name, a.asname?.id ?? a.name);
      ctx.namespace(a.name, a.asname?.id ?? a.name);
      continue;
    }
    if (ctx.isLocalModule(a.name)) {
      ctx.localImports.push({
        specifier: `./${a.name.replaceAll('.', '/')}.js`,
        namespace: a.asname?.id ?? a.name,
        named: [],
      });
      continue;
    }
    ctx.report('PYTS3004', a, [a.name]);
    throw new Untranslatable(`import of '${a.name}'`, a);
  }
  return null;
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
      const exported = entry ? tsName(a.name, entry) : a.name;
      const b = ctx.analysis.types.bindingNamed(s, local);
      ctx.rtAs(exported, module, b ? ctx.tsName(b) : local);
    }
    return null;
  }
  if (ctx.isLocalModule(module, s.level)) {
    const base = s.level <= 1 ? './' : '../'.repeat(s.level - 1);
    ctx.localImports.push({
      specifier: `${base}${module ? module.replaceAll('.', '/') : 'index'}.js`,
      namespace: null,
      named: s.names.map((a) => [a.name, a.asname?.id ?? a.name]),
    });
    return null;
  }
  ctx.report('PYTS3004', s, [module || '.'.repeat(s.level)]);
  throw new Untranslatable(`import from '${module}'`, s);
}
