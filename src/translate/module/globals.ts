// `globals()`: the module's variables, as a dict built where it is called (Python's is the live namespace, so
// writing into it is refused: a copy would not set the variable). Each variable is read through a getter, so
// one not assigned yet (a `const` further down, a hoisted `let`) is simply absent, as in Python. Names that are
// TypeScript types only (imported from `typing`, type aliases, TypedDict classes) are typing objects.
import type { Binding } from '../../analyze/scopes.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { Untranslatable } from '../expressions/index.js';
import { typeOnlyValue } from '../typing/annotations.js';
import { TYPE_ONLY_MODULES } from './imports.js';

export function translateGlobals(e: ast.Call, ctx: TranslateContext): string {
  if (e.args.length || e.keywords.length) throw new Untranslatable('globals() with arguments', e);
  const entries: string[] = [];
  for (const binding of ctx.analysis.scopes.module.bindings.values()) {
    // a bare annotation (`label: str`) binds nothing; names from typing exist only as TypeScript types
    if (binding.stores.every((r) => r.statement?.kind === 'AnnAssign' && !r.statement.value)) continue;
    if (isTypeOnly(binding, ctx)) {
      entries.push(`${JSON.stringify(binding.name)}: () => ${typeOnlyValue(binding, ctx)}`);
      continue;
    }
    if (!declaredAtTop(binding, ctx)) {
      throw new Untranslatable(`globals() in a module whose variable '${binding.name}' is declared inside a block`, e);
    }
    entries.push(`${JSON.stringify(binding.name)}: () => ${ctx.tsName(binding)}`);
  }
  return `${ctx.rt('globalsOf')}({ ${entries.join(', ')} })`;
}

/** Whether the TypeScript declaration of a module variable is visible everywhere in the module. */
function declaredAtTop(binding: Binding, ctx: TranslateContext): boolean {
  const d = binding.declaration;
  if (d.at === 'hoist') return d.block === ctx.moduleBody;
  const first = binding.stores.find((r) => d.at !== 'store' || r.node === d.node) ?? binding.stores[0]!;
  if (first.path.length !== 1 || first.path[0]!.block !== ctx.moduleBody) return false;
  // `for (const x of …)` and `with` targets are declared inside their statement
  return d.at !== 'store' || first.statement?.kind !== 'For';
}

/** Names that are TypeScript types only: imports from typing, type aliases, TypedDict classes. */
function isTypeOnly(binding: Binding, ctx: TranslateContext): boolean {
  const s = binding.stores[0]?.statement;
  if (s && ctx.analysis.types.isTypeAlias(s)) return true;
  if (binding.kind === 'class' && ctx.analysis.types.typedDictType(binding.name)) return true;
  if (s?.kind === 'ImportFrom') return s.level === 0 && TYPE_ONLY_MODULES.has((s.module ?? '').split('.')[0]!);
  return s?.kind === 'Import' && s.names.every((a) => TYPE_ONLY_MODULES.has(a.name.split('.')[0]!));
}

/** `globals()[k] = v` / `del globals()[k]`: a write into the module namespace, which a copy cannot do. */
export function isGlobalsCall(e: ast.Expr, ctx: TranslateContext): boolean {
  return (
    e.kind === 'Call' && e.func.kind === 'Name' && e.func.id === 'globals' && !ctx.analysis.types.bindingOf(e.func)
  );
}
