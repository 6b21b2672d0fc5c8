// Each expression form converts to CPython's ast node kinds and fields.
import { describe, expect, it } from 'vitest';
import { assignedValue, expressionOf, firstStatement, shape } from './helpers.js';

describe('operators', () => {
  it('converts arithmetic with precedence into nested BinOps', () => {
    expect(shape('a + b * c ** -d\n')).toBe(
      [
        'Module',
        '  body[0]: ExprStmt',
        '    value: BinOp op="+"',
        '      left: Name id="a" ctx="Load"',
        '      right: BinOp op="*"',
        '        left: Name id="b" ctx="Load"',
        '        right: BinOp op="**"',
        '          left: Name id="c" ctx="Load"',
        '          right: UnaryOp op="-"',
        '            operand: Name id="d" ctx="Load"',
        '',
      ].join('\n'),
    );
  });

  it('flattens a chain of the same boolean operator into one BoolOp', () => {
    const value = expressionOf('a and b and c or d\n');
    expect(value.kind).toBe('BoolOp');
    if (value.kind !== 'BoolOp') return;
    expect(value.op).toBe('or');
    const [left] = value.values;
    expect(left?.kind === 'BoolOp' && left.values.length).toBe(3);
  });

  it('keeps a chained comparison as one Compare with every operator', () => {
    const value = expressionOf('1 < x <= 3 is not None not in y != z\n');
    expect(value.kind === 'Compare' && value.ops).toEqual(['<', '<=', 'is not', 'not in', '!=']);
    expect(value.kind === 'Compare' && value.comparators.length).toBe(5);
  });

  it('converts not, unary operators, walrus and the conditional expression', () => {
    expect(expressionOf('not x\n')).toMatchObject({ kind: 'UnaryOp', op: 'not' });
    expect(expressionOf('~x\n')).toMatchObject({ kind: 'UnaryOp', op: '~' });
    expect(expressionOf('(y := f(x))\n')).toMatchObject({ kind: 'NamedExpr', target: { kind: 'Name', id: 'y', ctx: 'Store' } });
    expect(expressionOf('a if c else b\n')).toMatchObject({
      kind: 'IfExp',
      test: { id: 'c' },
      body: { id: 'a' },
      orelse: { id: 'b' },
    });
  });
});

describe('calls, attributes and subscripts', () => {
  it('separates positional, starred, keyword and double-star arguments', () => {
    const value = expressionOf('f(a, *rest, key=1, **extra)\n');
    expect(value).toMatchObject({
      kind: 'Call',
      func: { kind: 'Name', id: 'f' },
      args: [{ kind: 'Name', id: 'a' }, { kind: 'Starred', value: { id: 'rest' } }],
      keywords: [
        { kind: 'Keyword', arg: { id: 'key' }, value: { kind: 'Constant' } },
        { kind: 'Keyword', arg: null, value: { id: 'extra' } },
      ],
    });
  });

  it('passes a bare generator expression as the only argument', () => {
    expect(expressionOf('sum(x for x in y)\n')).toMatchObject({ kind: 'Call', args: [{ kind: 'GeneratorExp' }] });
  });

  it('converts attribute access with an Identifier for the attribute name', () => {
    expect(expressionOf('asyncio.tasks.Task\n')).toMatchObject({
      kind: 'Attribute',
      attr: { kind: 'Identifier', id: 'Task' },
      value: { kind: 'Attribute', attr: { id: 'tasks' }, value: { kind: 'Name', id: 'asyncio' } },
    });
  });

  it('converts slices, including omitted parts and a tuple of indices', () => {
    expect(expressionOf('a[1:2]\n')).toMatchObject({ kind: 'Subscript', slice: { kind: 'Slice', lower: { kind: 'Constant' }, upper: { kind: 'Constant' }, step: null } });
    expect(expressionOf('a[::2]\n')).toMatchObject({ slice: { kind: 'Slice', lower: null, upper: null, step: { kind: 'Constant' } } });
    expect(expressionOf('a[1:2, ::3]\n')).toMatchObject({ slice: { kind: 'Tuple', parenthesized: false, elts: [{ kind: 'Slice' }, { kind: 'Slice' }] } });
    expect(expressionOf('a[1,]\n')).toMatchObject({ slice: { kind: 'Tuple', elts: [{ kind: 'Constant' }] } });
  });
});

describe('displays and comprehensions', () => {
  it('converts list, tuple, set and dict displays', () => {
    expect(assignedValue('x = [1, *a]\n')).toMatchObject({ kind: 'List', elts: [{ kind: 'Constant' }, { kind: 'Starred' }] });
    expect(assignedValue('x = (1, 2)\n')).toMatchObject({ kind: 'Tuple', parenthesized: true });
    expect(assignedValue('x = 1, 2\n')).toMatchObject({ kind: 'Tuple', parenthesized: false });
    expect(assignedValue('x = ()\n')).toMatchObject({ kind: 'Tuple', elts: [] });
    expect(assignedValue('x = {1, 2}\n')).toMatchObject({ kind: 'Set' });
    expect(assignedValue('x = {"a": 1, **b}\n')).toMatchObject({ kind: 'Dict', keys: [{ kind: 'Constant' }, null], values: [{}, { id: 'b' }] });
  });

  it('keeps a parenthesised expression as the inner node', () => {
    expect(assignedValue('x = (a)\n')).toMatchObject({ kind: 'Name', id: 'a' });
  });

  it('converts every comprehension kind with its for and if clauses', () => {
    expect(assignedValue('x = [i for i in a if i if not i for j in i]\n')).toMatchObject({
      kind: 'ListComp',
      generators: [
        { kind: 'Comprehension', target: { id: 'i', ctx: 'Store' }, ifs: [{}, { kind: 'UnaryOp' }], isAsync: false },
        { target: { id: 'j' } },
      ],
    });
    expect(assignedValue('x = {i for i in a}\n').kind).toBe('SetComp');
    expect(assignedValue('x = {k: v for k, v in a}\n')).toMatchObject({ kind: 'DictComp', key: { id: 'k' }, value: { id: 'v' } });
    expect(assignedValue('x = (i for i in a)\n').kind).toBe('GeneratorExp');
  });

  it('marks async comprehensions', () => {
    const statement = firstStatement('async def f():\n    return [x async for x in aiter()]\n');
    expect(statement).toMatchObject({ kind: 'FunctionDef', body: [{ kind: 'Return', value: { kind: 'ListComp', generators: [{ isAsync: true }] } }] });
  });
});

describe('lambdas, await and yield', () => {
  it('converts a lambda with every parameter kind', () => {
    expect(assignedValue('f = lambda a, b=1, *c, d, e=2, **g: a\n')).toMatchObject({
      kind: 'Lambda',
      args: {
        args: [{ arg: 'a' }, { arg: 'b' }],
        defaults: [{ kind: 'Constant' }],
        vararg: { arg: 'c' },
        kwonlyargs: [{ arg: 'd' }, { arg: 'e' }],
        kwDefaults: [null, { kind: 'Constant' }],
        kwarg: { arg: 'g' },
      },
      body: { id: 'a' },
    });
    expect(assignedValue('f = lambda: 0\n')).toMatchObject({ kind: 'Lambda', args: { args: [], vararg: null } });
  });

  it('converts await, yield and yield from', () => {
    expect(firstStatement('async def f():\n    x = await g()\n')).toMatchObject({ body: [{ value: { kind: 'Await', value: { kind: 'Call' } } }] });
    expect(firstStatement('def f():\n    yield\n')).toMatchObject({ body: [{ value: { kind: 'Yield', value: null } }] });
    expect(firstStatement('def f():\n    yield 1, 2\n')).toMatchObject({ body: [{ value: { kind: 'Yield', value: { kind: 'Tuple' } } }] });
    expect(firstStatement('def f():\n    yield from g()\n')).toMatchObject({ body: [{ value: { kind: 'YieldFrom' } }] });
  });
});

describe('type annotations', () => {
  it('converts subscripted, union and dotted annotations as ordinary expressions', () => {
    const statement = firstStatement('def f(a: list[int], b: int | None = None) -> dict[str, a.B]: pass\n');
    expect(statement).toMatchObject({
      kind: 'FunctionDef',
      args: {
        args: [
          { arg: 'a', annotation: { kind: 'Subscript', value: { id: 'list' }, slice: { id: 'int' } } },
          { arg: 'b', annotation: { kind: 'BinOp', op: '|' } },
        ],
      },
      returns: { kind: 'Subscript', slice: { kind: 'Tuple', elts: [{ id: 'str' }, { kind: 'Attribute' }] } },
    });
  });

  it('converts annotated assignments with and without a value', () => {
    expect(firstStatement('x: int = 1\n')).toMatchObject({ kind: 'AnnAssign', target: { id: 'x', ctx: 'Store' }, annotation: { id: 'int' }, value: { kind: 'Constant' } });
    expect(firstStatement('self.x: "Queue[int]"\n')).toMatchObject({ kind: 'AnnAssign', target: { kind: 'Attribute' }, value: null });
    expect(firstStatement('(x): int\n')).toMatchObject({ kind: 'AnnAssign', target: { kind: 'Name', id: 'x' } });
  });
});
