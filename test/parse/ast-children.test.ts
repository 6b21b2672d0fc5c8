// forEachChild names each kind's child properties by hand; these tests hold it to the tree the converter builds:
// every property holding a node or a list of nodes is visited, in the order of the node's properties.
import { describe, expect, it } from 'vitest';
import { forEachChild } from '../../src/parse/ast-children.js';
import type { Node } from '../../src/parse/index.js';
import { parseValid } from './helpers.js';

// Every kind of node, each optional child both present and absent.
const SOURCE = `
from __future__ import annotations
import os.path, sys as system
from . import a as b, c
@decorator
async def f(p, /, q: int = 1, *args, r, s=2, **kw) -> None:
    """doc"""
    global g
    x: int = 1
    y: int
    x += await g
    table = {k: v async for k, v in pairs}
    async for i in y:
        break
    else:
        pass
    async with a as (b, c), d:
        yield
        yield x
    return
def h(*, k):
    def inner():
        nonlocal k
        return (yield from k)
    pass
class C(Base, metaclass=M):
    """doc"""
    del a[1:2], b.c, d[::3], e[1:], f[:2], g[:], h[1:2:3], i[1, 2:3]
while a or b and not c:
    continue
else:
    pass
if a:
    pass
elif b:
    pass
else:
    pass
try:
    pass
except E as e:
    raise X from e
except E:
    raise
except:
    assert a, "message"
else:
    assert b
finally:
    pass
try:
    pass
except* E as e:
    pass
match subject:
    case 1 | -2 | 3 + 4j | "s" | a.b:
        pass
    case [x, *rest, *_] if x:
        pass
    case {"k": v, None: w, **others}:
        pass
    case {True: v}:
        pass
    case Point(1, y=2) as p:
        pass
    case (None | False):
        pass
    case _:
        pass
value = lambda a, *b, c=1, **d: a if b else c
squares = [i * i for i in range(10) if i if i > 2]
unique = {-i for i in xs}
lazy = (i for i in xs)
mapping = {1: 2, **other}
every = {1, 2}
text = f"{a!r:>{width}} {b=} {c:5}" "tail"
call(a, *b, key=c, **d)
(n := 10) < 20 <= 30
x[1] = y = (1, [2])
print >> sys.stderr, "x"
`;

function propertyChildren(node: Node): Node[] {
  const children: Node[] = [];
  const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && 'kind' in value && 'range' in value;
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) children.push(...value.filter(isNode));
    else if (isNode(value)) children.push(value);
  }
  return children;
}

describe('forEachChild', () => {
  const module = parseValid(SOURCE);
  const kinds = new Set<string>();
  const check = (node: Node): void => {
    kinds.add(node.kind);
    const visited: Node[] = [];
    forEachChild(node, (child, list) => list.push(child), visited);
    const expected = propertyChildren(node);
    expect(visited.map((child) => child.kind), node.kind).toEqual(expected.map((child) => child.kind));
    visited.forEach((child, i) => expect(child, `${node.kind}'s child ${i}`).toBe(expected[i]));
    for (const child of visited) check(child);
  };

  it('visits the child properties of every node, in property order', () => {
    check(module);
  });

  it('has seen every kind of node in the sample', () => {
    // prettier-ignore
    const all = [
      'Module', 'FunctionDef', 'ClassDef', 'Return', 'Delete', 'Assign', 'AugAssign', 'AnnAssign', 'For', 'While', 'If',
      'With', 'WithItem', 'Match', 'MatchCase', 'MatchValue', 'MatchSingleton', 'MatchSequence', 'MatchMapping',
      'MatchClass', 'MatchStar', 'MatchAs', 'MatchOr', 'Raise', 'Try', 'ExceptHandler', 'Assert', 'Import', 'ImportFrom',
      'Alias', 'Global', 'Nonlocal', 'ExprStmt', 'Pass', 'Break', 'Continue', 'BoolOp', 'NamedExpr', 'BinOp', 'UnaryOp',
      'Lambda', 'IfExp', 'Dict', 'Set', 'Comprehension', 'ListComp', 'SetComp', 'DictComp', 'GeneratorExp', 'Await',
      'Yield', 'YieldFrom', 'Compare', 'Call', 'Keyword', 'FormattedValue', 'JoinedStr', 'Constant', 'Attribute',
      'Subscript', 'Starred', 'Name', 'List', 'Tuple', 'Slice', 'Arguments', 'Arg', 'Identifier',
    ];
    check(module);
    expect([...kinds].sort()).toEqual(all.sort());
  });
});
