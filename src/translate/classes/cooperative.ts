// Class hierarchies that use multiple inheritance. JavaScript's `super` follows the class written after `extends`;
// Python's follows the MRO of the instance's class, so in `class Both(Left, Right)` Left's `super().who()` reaches
// Right. Every class of such a hierarchy (the classes with several bases, every class in their MROs, and their
// subclasses) is written in the cooperative shape:
//
//   class Base extends PyObject { declare tags: string[]; __init__(): void { … } }   // PyObject runs __init__
//   class Left extends Base { __init__(): void { superOf(Left, this).__init__(); … } }
//   interface Left { __init__(...args: any[]): void }     // lets an override take other parameters
//   class Both extends mixin(Left, Right) {}             // the runtime builds the chain in C3 order
//
// `__init__` is a method found through the MRO (a JavaScript constructor cannot run on an existing object), fields
// are `declare`d (a field definition would reset what `__init__` assigned), and `super()` is `superOf(Cls, this)`.
// Hierarchies with single inheritance only keep plain `class B extends A` with constructors and native `super`.
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { expr, Untranslatable } from '../expressions/index.js';
import { isTypingBase } from '../typing/index.js';
import { moduleBaseClasses } from './mro.js';

/** The bases a class statement gives at run time: without `Generic[T]`-like typing bases and `object`. */
export function runtimeBases(cls: ast.ClassDef, ctx: TranslateContext): ast.Expr[] {
  return cls.bases.filter(
    (b) => !isTypingBase(b, ctx) && !(b.kind === 'Name' && b.id === 'object' && !ctx.analysis.types.bindingOf(b)),
  );
}

/** True when `cls` belongs to a hierarchy that uses multiple inheritance in this module. */
export function isCooperative(cls: ast.ClassDef, ctx: TranslateContext): boolean {
  let classes = cache.get(ctx);
  if (!classes) cache.set(ctx, (classes = cooperativeClasses(ctx)));
  return classes.has(cls);
}

const cache = new WeakMap<TranslateContext, ReadonlySet<ast.ClassDef>>();

function cooperativeClasses(ctx: TranslateContext): ReadonlySet<ast.ClassDef> {
  const all = [...ctx.analysis.types.classes.values()];
  const found = new Set<ast.ClassDef>();
  const withAncestors = (cls: ast.ClassDef): void => {
    if (found.has(cls)) return;
    found.add(cls);
    moduleBaseClasses(cls, ctx).forEach(withAncestors);
  };
  for (const cls of all) if (runtimeBases(cls, ctx).length > 1) withAncestors(cls);
  if (found.size === 0) return found;
  for (let grown = true; grown;) {
    grown = false;
    for (const cls of all) {
      if (!found.has(cls) && moduleBaseClasses(cls, ctx).some((b) => found.has(b))) {
        found.add(cls);
        grown = true;
      }
    }
  }
  return found;
}

/**
 * Refuses what the cooperative shape cannot hold: a base that is not a class of this module (its constructor would
 * not run `__init__` through the MRO), and class kinds built by their own machinery.
 */
export function checkCooperative(
  cls: ast.ClassDef,
  kinds: { dataclass: boolean; enum: boolean; namedTuple: boolean },
  ctx: TranslateContext,
): void {
  const foreign = runtimeBases(cls, ctx).find(
    (b) => !moduleBaseClasses(cls, ctx).some((m) => b.kind === 'Name' && m.name.id === b.id),
  );
  if (foreign) throw new Untranslatable('multiple inheritance involving a class not defined in this module', foreign);
  const kind = kinds.dataclass ? 'a dataclass' : kinds.enum ? 'an enum' : kinds.namedTuple ? 'a NamedTuple' : null;
  if (kind) throw new Untranslatable(`${kind} in a hierarchy with multiple inheritance`, cls.name);
}

/** What a cooperative class extends: `PyObject` at the root, its base, or `mixin(A, B, …)` for several. */
export function cooperativeBase(cls: ast.ClassDef, ctx: TranslateContext): string | null {
  if (!isCooperative(cls, ctx)) return null;
  const bases = runtimeBases(cls, ctx).map((b) => expr(b, ctx));
  if (bases.length === 0) return ctx.rt('PyObject');
  return bases.length === 1 ? bases[0]! : `${ctx.rt('mixin')}(${bases.join(', ')})`;
}

/** The type `super()` gives in a cooperative class: its first base (whatever comes next in an MRO derives from
 *  it), or null at a root, where the next class is only known at run time. */
export function cooperativeSuperType(cls: ast.ClassDef, ctx: TranslateContext): string | null {
  const first = moduleBaseClasses(cls, ctx)[0];
  const binding = first && ctx.analysis.types.bindingOf(first.name);
  return binding ? ctx.tsName(binding) : null;
}

/** `super()` inside a method of the cooperative class `cls`: `superOf<Base>(Cls, this)`, the next class in the MRO
 *  of `this`'s class (which may be a sibling of `cls`'s base). */
export function cooperativeSuper(cls: ast.ClassDef, ctx: TranslateContext): string {
  const binding = ctx.analysis.types.bindingOf(cls.name);
  const next = cooperativeSuperType(cls, ctx);
  return `${ctx.rt('superOf')}${next ? `<${next}>` : ''}(${binding ? ctx.tsName(binding) : cls.name.id}, this)`;
}

/** `super()` with no arguments, Python's builtin. */
export function isBareSuper(e: ast.Expr, ctx: TranslateContext): boolean {
  return (
    e.kind === 'Call' &&
    e.func.kind === 'Name' &&
    e.func.id === 'super' &&
    !e.args.length &&
    !e.keywords.length &&
    !ctx.analysis.types.bindingOf(e.func)
  );
}
