// Which attributes a class of the program is known to have. Reading any other attribute of one of its instances is
// Python's AttributeError (or an attribute set from outside, `setattr(obj, "extra", 1)`): plain TypeScript would
// read `undefined`, so such reads go through the runtime's `getattr`.
import { forEachStmt } from '../../analyze/infer.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';

/**
 * The Python names of every attribute `cls` defines (class attributes, methods, nested classes, and with
 * `instances`, each `self.x = …` of its methods), its bases' included; null when they cannot be known: a base that
 * is not a class of this module, a class decorator, or dynamic attribute hooks (`__getattr__`, `__slots__`…).
 */
export function knownAttributes(cls: ast.ClassDef, instances: boolean, ctx: TranslateContext): ReadonlySet<string> | null {
  // asked for every attribute read of an instance: computed once per class and kind
  let cache = knownAttributesCache.get(ctx);
  if (!cache) knownAttributesCache.set(ctx, (cache = { classes: new Map(), instances: new Map() }));
  const answers = instances ? cache.instances : cache.classes;
  let names = answers.get(cls);
  if (names === undefined) answers.set(cls, (names = attributesOf(cls, instances, ctx, 0)));
  return names;
}

const knownAttributesCache = new WeakMap<
  TranslateContext,
  { classes: Map<ast.ClassDef, ReadonlySet<string> | null>; instances: Map<ast.ClassDef, ReadonlySet<string> | null> }
>();

function attributesOf(cls: ast.ClassDef, instances: boolean, ctx: TranslateContext, depth: number): Set<string> | null {
  if (depth > 20 || cls.decorators.length > 0 || cls.keywords.length > 0) return null;
  const names = new Set<string>();
  for (const base of cls.bases) {
    if (base.kind !== 'Name') return null;
    const binding = ctx.analysis.types.bindingOf(base);
    if (base.id === 'object' && !binding) continue;
    const baseClass = ctx.analysis.types.classes.get(base.id);
    if (!baseClass || binding?.kind !== 'class') return null;
    const inherited = attributesOf(baseClass, instances, ctx, depth + 1);
    if (!inherited) return null;
    inherited.forEach((n) => names.add(n));
  }
  for (const stmt of cls.body) {
    if (stmt.kind === 'FunctionDef' || stmt.kind === 'ClassDef') {
      if (DYNAMIC_HOOKS.has(stmt.name.id)) return null;
      names.add(stmt.name.id);
    } else if (stmt.kind === 'Assign' || stmt.kind === 'AnnAssign') {
      const targets = stmt.kind === 'Assign' ? stmt.targets : stmt.value ? [stmt.target] : [];
      for (const t of targets.flatMap((x) => (x.kind === 'Tuple' || x.kind === 'List' ? x.elts : [x]))) {
        if (t.kind !== 'Name') return null;
        if (DYNAMIC_HOOKS.has(t.id)) return null;
        names.add(t.id);
      }
    } else if (stmt.kind !== 'Pass' && stmt.kind !== 'ExprStmt') {
      return null;
    }
  }
  if (!instances) return names;
  for (const stmt of cls.body) {
    if (stmt.kind !== 'FunctionDef') continue;
    const self = (stmt.args.posonlyargs[0] ?? stmt.args.args[0])?.arg;
    if (!self) continue;
    let dynamic = false;
    const add = (t: ast.Expr) => {
      if (t.kind === 'Attribute' && t.value.kind === 'Name' && t.value.id === self) names.add(t.attr.id);
    };
    // every statement of every method: no array made per statement
    forEachStmt(stmt.body, (s) => {
      const targets = s.kind === 'Assign' ? s.targets : s.kind === 'AnnAssign' || s.kind === 'AugAssign' ? [s.target] : NO_TARGETS;
      for (const t of targets) {
        if (t.kind === 'Tuple' || t.kind === 'List') t.elts.forEach(add);
        else add(t);
      }
      // `setattr(self, name, …)` or a `self.__dict__` update: attributes named at run time
      if (s.kind === 'ExprStmt' && s.value.kind === 'Call') {
        const f = s.value.func;
        if ((f.kind === 'Name' && f.id === 'setattr') || (f.kind === 'Attribute' && f.value.kind === 'Attribute' && f.value.attr.id === '__dict__')) {
          dynamic = true;
        }
      }
    });
    if (dynamic) return null;
  }
  return names;
}

const NO_TARGETS: readonly ast.Expr[] = [];

const DYNAMIC_HOOKS = new Set(['__getattr__', '__getattribute__', '__setattr__', '__slots__', '__dict__', '__init_subclass__']);
