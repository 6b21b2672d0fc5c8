// `from module import *` of a module of the program, made explicit before analysis: the names the star would bind
// (the module's `__all__`, else its public names, from its summary) that this module mentions become an ordinary
// `from module import a, b`, so scopes, types, async-ness and classes resolve as for any imported name, and the
// emitted ES import names what it takes. A star import of anything else is left for translate to report.
import type * as ast from '../parse/ast.js';
import { forEachChild } from '../parse/ast-children.js';
import type { ModuleSummary } from '../parse/module-summary.js';

export function expandStarImports(
  module: ast.Module,
  summaryOf: (name: string, level: number) => ModuleSummary | null,
): ast.Module {
  const isStar = (s: ast.Stmt): s is ast.ImportFrom => s.kind === 'ImportFrom' && s.names.some((a) => a.name === '*');
  if (!module.body.some(isStar)) return module;
  const mentioned = mentionedNames(module);
  // a name the module binds itself at its top level is its own (one TypeScript declaration per name)
  for (const s of module.body) {
    if (s.kind === 'FunctionDef' || s.kind === 'ClassDef') mentioned.delete(s.name.id);
    if (s.kind === 'Import' || (s.kind === 'ImportFrom' && !isStar(s)))
      for (const a of s.names) mentioned.delete(a.asname?.id ?? a.name.split('.')[0]!);
  }
  const body = module.body.map((s): ast.Stmt => {
    if (!isStar(s)) return s;
    const summary = s.module !== null || s.level > 0 ? summaryOf(s.module ?? '', s.level) : null;
    if (!summary) return s;
    const names = summary.starNames.filter((name) => mentioned.has(name));
    return { ...s, names: names.map((name): ast.Alias => ({ kind: 'Alias', name, asname: null, range: s.range })) };
  });
  return { ...module, body };
}

/** Every name the module reads, writes or deletes anywhere (a superset of what a star import could provide). */
function mentionedNames(module: ast.Module): Set<string> {
  const names = new Set<string>();
  const visit = (node: ast.Node): void => {
    if (node.kind === 'Name') names.add(node.id);
    forEachChild(node, visit, undefined);
  };
  visit(module);
  return names;
}
