// `cls.__dict__` and `vars(obj)` show Python's names and, for decorated methods, `staticmethod`/`classmethod`
// objects. A translated class has camelCase members and plain static methods, so when the module reads a namespace
// each class tells the runtime what TypeScript alone does not: `pythonMembers(this, ['is_freezing', 'isFreezing',
// 'staticmethod'], …)` (runtime builtins/descriptors.ts). Modules that never read one get no such line.
import type * as ast from '../../parse/ast.js';
import { forEachChild } from '../../parse/ast-children.js';
import type { TranslateContext } from '../context.js';
import { attributeName } from '../expressions/names.js';

/** True when the module reads `x.__dict__` or calls `vars`. */
export function readsNamespaces(ctx: TranslateContext): boolean {
  let answer = cache.get(ctx);
  if (answer === undefined) {
    answer = false;
    // analysis collected every name and attribute name the module uses: most modules use neither, and need no walk
    const names = ctx.analysis.types.pythonNames;
    if (names.has('__dict__') || names.has('vars')) answer = (ctx.moduleBody ?? []).some((s) => readsNamespace(s, ctx));
    cache.set(ctx, answer);
  }
  return answer;
}

const cache = new WeakMap<TranslateContext, boolean>();

/** Whether `node` or a node under it reads a namespace (stopping at the first that does). */
function readsNamespace(node: ast.Node, ctx: TranslateContext): boolean {
  if (node.kind === 'Attribute' && node.attr.id === '__dict__') return true;
  if (node.kind === 'Name' && node.id === 'vars' && !ctx.analysis.types.bindingOf(node)) return true;
  let found = false;
  forEachChild(node, (child) => (found ||= readsNamespace(child, ctx)), null);
  return found;
}

/** The `pythonMembers(…)` entries of a class: members renamed in TypeScript, and static and class methods. */
export function pythonMemberEntries(cls: ast.ClassDef, instanceFields: readonly string[]): string[] {
  const entries: string[] = [];
  const seen = new Set<string>();
  const add = (python: string, kind: string | null) => {
    const ts = attributeName(python);
    if (seen.has(python) || (ts === python && !kind)) return;
    seen.add(python);
    entries.push(`[${[python, ts, ...(kind ? [kind] : [])].map((x) => `'${x}'`).join(', ')}]`);
  };
  for (const s of cls.body) {
    if (s.kind === 'FunctionDef' && s.name.id !== '__init__') {
      const decorator = s.decorators.find(
        (d) => d.kind === 'Name' && (d.id === 'staticmethod' || d.id === 'classmethod'),
      );
      add(s.name.id, decorator?.kind === 'Name' ? decorator.id : null);
    } else if (s.kind === 'Assign' || (s.kind === 'AnnAssign' && s.value)) {
      const targets = s.kind === 'Assign' ? s.targets : [s.target];
      for (const t of targets.flatMap((x) => (x.kind === 'Tuple' || x.kind === 'List' ? x.elts : [x]))) {
        if (t.kind === 'Name') add(t.id, null);
      }
    }
  }
  for (const field of instanceFields) add(field, null);
  return entries;
}
