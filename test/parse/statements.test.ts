// Each statement form converts to CPython's ast shape.
import { describe, expect, it } from 'vitest';
import { firstStatement, parseValid, shape } from './helpers.js';

describe('definitions', () => {
  it('converts async def with decorators, every parameter group, a return annotation and a docstring', () => {
    const statement = firstStatement('@app.route("/")\n@cache\nasync def main(a, /, b=2, *args, c, d=3, **kw) -> None:\n    """Run."""\n    pass\n');
    expect(statement).toMatchObject({
      kind: 'FunctionDef',
      isAsync: true,
      name: { kind: 'Identifier', id: 'main' },
      decorators: [{ kind: 'Call' }, { kind: 'Name', id: 'cache' }],
      args: {
        posonlyargs: [{ arg: 'a' }],
        args: [{ arg: 'b' }],
        defaults: [{ kind: 'Constant' }],
        vararg: { arg: 'args' },
        kwonlyargs: [{ arg: 'c' }, { arg: 'd' }],
        kwDefaults: [null, { kind: 'Constant' }],
        kwarg: { arg: 'kw' },
      },
      returns: { kind: 'Constant', value: { type: 'None' } },
      docstring: 'Run.',
    });
  });

  it('starts a decorated definition at the def keyword, as CPython does', () => {
    const statement = firstStatement('@decorator\ndef f(): pass\n');
    expect(statement.range.start).toEqual({ line: 2, col: 0 });
  });

  it('converts a class with bases, keywords and a docstring', () => {
    expect(firstStatement('class Worker(Base, metaclass=Meta):\n    "Doc."\n    x = 1\n')).toMatchObject({
      kind: 'ClassDef',
      name: { id: 'Worker' },
      bases: [{ id: 'Base' }],
      keywords: [{ arg: { id: 'metaclass' }, value: { id: 'Meta' } }],
      docstring: 'Doc.',
    });
  });
});

describe('assignments', () => {
  it('gives a chained assignment one target per =', () => {
    expect(firstStatement('a = b.c = d[0] = 1\n')).toMatchObject({
      kind: 'Assign',
      targets: [
        { kind: 'Name', ctx: 'Store' },
        { kind: 'Attribute', ctx: 'Store' },
        { kind: 'Subscript', ctx: 'Store' },
      ],
    });
  });

  it('marks unpacking targets, starred ones included, as Store', () => {
    expect(firstStatement('a, (b, *c), [d] = x\n')).toMatchObject({
      targets: [
        {
          kind: 'Tuple',
          ctx: 'Store',
          elts: [
            { id: 'a', ctx: 'Store' },
            { kind: 'Tuple', ctx: 'Store', elts: [{ ctx: 'Store' }, { kind: 'Starred', ctx: 'Store', value: { ctx: 'Store' } }] },
            { kind: 'List', ctx: 'Store' },
          ],
        },
      ],
    });
  });

  it('converts augmented assignment with the bare operator', () => {
    expect(firstStatement('total //= 2\n')).toMatchObject({ kind: 'AugAssign', op: '//', target: { ctx: 'Store' } });
  });

  it('marks del targets as Del', () => {
    expect(firstStatement('del a[0], b.c\n')).toMatchObject({ kind: 'Delete', targets: [{ kind: 'Subscript', ctx: 'Del' }, { kind: 'Attribute', ctx: 'Del' }] });
  });
});

describe('control flow', () => {
  it('nests elif chains inside orelse', () => {
    expect(shape('if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n')).toBe(
      [
        'Module',
        '  body[0]: If',
        '    test: Name id="a" ctx="Load"',
        '    body[0]: Pass',
        '    orelse[0]: If',
        '      test: Name id="b" ctx="Load"',
        '      body[0]: Pass',
        '      orelse[0]: Pass',
        '',
      ].join('\n'),
    );
  });

  it('converts for/while with else, async for and async with', () => {
    expect(firstStatement('for i, x in enumerate(y):\n    break\nelse:\n    pass\n')).toMatchObject({
      kind: 'For',
      isAsync: false,
      target: { kind: 'Tuple', parenthesized: false, ctx: 'Store' },
      body: [{ kind: 'Break' }],
      orelse: [{ kind: 'Pass' }],
    });
    expect(firstStatement('while True:\n    continue\n')).toMatchObject({ kind: 'While', body: [{ kind: 'Continue' }], orelse: [] });
    const inner = firstStatement('async def f():\n    async for x in y:\n        pass\n    async with a as b, c:\n        pass\n');
    expect(inner).toMatchObject({
      body: [
        { kind: 'For', isAsync: true },
        { kind: 'With', isAsync: true, items: [{ contextExpr: { id: 'a' }, optionalVars: { id: 'b', ctx: 'Store' } }, { contextExpr: { id: 'c' }, optionalVars: null }] },
      ],
    });
  });

  it('converts try with handlers, else and finally, and except* groups', () => {
    expect(firstStatement('try:\n    pass\nexcept (A, B) as e:\n    raise C from e\nexcept:\n    raise\nelse:\n    pass\nfinally:\n    pass\n')).toMatchObject({
      kind: 'Try',
      isStar: false,
      handlers: [
        { kind: 'ExceptHandler', type: { kind: 'Tuple' }, name: { id: 'e' }, body: [{ kind: 'Raise', exc: { id: 'C' }, cause: { id: 'e' } }] },
        { type: null, name: null, body: [{ kind: 'Raise', exc: null, cause: null }] },
      ],
      orelse: [{ kind: 'Pass' }],
      finalbody: [{ kind: 'Pass' }],
    });
    expect(firstStatement('try:\n    pass\nexcept* ValueError as eg:\n    pass\n')).toMatchObject({ kind: 'Try', isStar: true, handlers: [{ type: { id: 'ValueError' }, name: { id: 'eg' } }] });
  });

  it('converts return, assert, pass, global and nonlocal', () => {
    const module = parseValid('def f():\n    global g\n    def h():\n        nonlocal x\n    assert x, "msg"\n    return\n');
    expect(module.body[0]).toMatchObject({
      body: [
        { kind: 'Global', names: [{ kind: 'Identifier', id: 'g' }] },
        { kind: 'FunctionDef', body: [{ kind: 'Nonlocal', names: [{ id: 'x' }] }] },
        { kind: 'Assert', test: { id: 'x' }, msg: { kind: 'Constant' } },
        { kind: 'Return', value: null },
      ],
    });
  });

  it('reads type(obj).attr = value as an assignment, not a Python 3.12 type alias', () => {
    expect(firstStatement('type(self).count = 0\n')).toMatchObject({
      kind: 'Assign',
      targets: [{ kind: 'Attribute', value: { kind: 'Call', func: { kind: 'Name', id: 'type' } }, attr: { id: 'count' } }],
    });
  });

  it('reads print >>f, x as the Python 3 expression it is', () => {
    expect(firstStatement('print >>f, x\n')).toMatchObject({ kind: 'ExprStmt', value: { kind: 'Tuple', elts: [{ kind: 'BinOp', op: '>>' }, { id: 'x' }] } });
  });
});

describe('imports', () => {
  it('converts import with dotted names and aliases', () => {
    expect(firstStatement('import os.path as p, asyncio\n')).toMatchObject({
      kind: 'Import',
      names: [
        { kind: 'Alias', name: 'os.path', asname: { id: 'p' } },
        { name: 'asyncio', asname: null },
      ],
    });
  });

  it('converts relative, parenthesised, starred and __future__ imports', () => {
    expect(firstStatement('from .. import (a as b, c,)\n')).toMatchObject({ kind: 'ImportFrom', module: null, level: 2, names: [{ name: 'a', asname: { id: 'b' } }, { name: 'c' }] });
    expect(firstStatement('from .sub.mod import x\n')).toMatchObject({ module: 'sub.mod', level: 1 });
    expect(firstStatement('from asyncio import *\n')).toMatchObject({ module: 'asyncio', level: 0, names: [{ name: '*' }] });
    expect(firstStatement('from __future__ import annotations\n')).toMatchObject({ module: '__future__', names: [{ name: 'annotations' }] });
  });
});

describe('the module', () => {
  it('converts an empty file to an empty module', () => {
    expect(parseValid('').body).toEqual([]);
  });

  it('accepts Windows and old Mac line ends with the same positions', () => {
    const statement = parseValid('x = 1\r\ny = 2\rz = 3\n').body[2]!;
    expect(statement.range.start).toEqual({ line: 3, col: 0 });
  });

  it('splits statements separated by semicolons', () => {
    expect(parseValid('a = 1; b = 2; pass\n').body.map((s) => s.kind)).toEqual(['Assign', 'Assign', 'Pass']);
  });
});
