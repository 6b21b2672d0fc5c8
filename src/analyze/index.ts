// Analysis: everything translate needs to know before writing a line — scopes and bindings, where each is
// declared, types, which names are asyncio, and collision-free TypeScript names.
import type * as ast from '../parse/ast.js';
import type { ModuleSummary } from '../parse/module-summary.js';
import { NameAllocator } from './names.js';
import { buildScopes, type Binding, type ScopeTable } from './scopes.js';
import { TypeInference } from './infer.js';
import { findBlockingFunctions } from './blocking.js';
import { IntBounds } from './int-bounds.js';

export interface Analysis {
  scopes: ScopeTable;
  types: TypeInference;
  names: NameAllocator;
  /** the TypeScript identifier of each binding */
  tsNames: Map<Binding, string>;
  /** plain functions that run the event loop: emitted `async`, their calls awaited (blocking.ts) */
  blocking: Set<ast.FunctionDef>;
  /** intervals of int values: where int arithmetic provably stays below 2**53 (int-bounds.ts) */
  intBounds: IntBounds;
}

/** `moduleSummary(name, level)`: what the program's module `import name` names defines (null: not the program's). */
export function analyze(module: ast.Module, moduleSummary?: (name: string, level: number) => ModuleSummary | null): Analysis {
  const scopes = buildScopes(module);
  const types = new TypeInference(scopes, moduleSummary);
  types.run(module);
  const { pythonNames } = types;
  const tsNames = new Map<Binding, string>();
  for (const scope of scopes.scopeOf.values()) {
    for (const b of scope.bindings.values()) tsNames.set(b, NameAllocator.userName(b.name, pythonNames));
  }
  // generated names (runtime imports, temporaries) must not take a name the program binds
  const names = new NameAllocator(tsNames.values());
  return { scopes, types, names, tsNames, blocking: findBlockingFunctions(types), intBounds: new IntBounds(scopes, types) };
}

export type { Binding, Scope } from './scopes.js';
export type { PyType } from './types.js';
