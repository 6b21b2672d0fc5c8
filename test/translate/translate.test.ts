// The translator's decisions, one per test, on the smallest program that shows each. Behaviour end to end is the
// fixtures' job (fixtures.test.ts runs them against CPython); these pin down the shape of the TypeScript.
import { describe, expect, test } from 'vitest';
import { transpile } from '../../src/api.js';
import { typeCheck } from '../helpers/type-check.js';
import { tempFolder } from '../helpers/temp-folder.js';

async function ts(source: string): Promise<string> {
  const result = await transpile(source, { filename: 'case.py' });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.code!;
}

async function diagnosticsOf(source: string) {
  return (await transpile(source, { filename: 'case.py' })).diagnostics;
}

describe('declarations', () => {
  test('a variable assigned once is a const at its assignment', async () => {
    expect(await ts('x = 1\nprint(x)\n')).toContain('const x = 1;');
  });
  test('a variable assigned twice is a let at its first assignment', async () => {
    expect(await ts('x = 1\nx = 2\nprint(x)\n')).toContain('let x = 1;');
  });
  test('a variable first assigned in both branches of an if is declared before the if', async () => {
    const code = await ts('import sys\nif len(sys.argv) > 5:\n    y = 1\nelse:\n    y = 2\nprint(y)\n');
    expect(code).toMatch(/let y!: number;\s*if/);
  });
  test('a loop variable captured by a closure is declared once, as Python has one variable', async () => {
    const code = await ts('fs = []\nfor i in range(3):\n    fs.append(lambda: i)\nprint([f() for f in fs])\n');
    expect(code).toContain('let i!: number;');
    expect(code).toContain('for (i of range(3))');
  });
  test('a plain counting loop over range becomes a C-style for loop', async () => {
    expect(await ts('for i in range(10):\n    print(i)\n')).toContain('for (let i = 0; i < 10; i++)');
  });
  test('a computed int bound is evaluated once, in the loop head; a literal step sets the direction', async () => {
    const code = await ts(
      'def f(n: int):\n    for i in range(n % 7):\n        print(i)\n    for j in range(n % 10 - 1, -1, -1):\n        print(j)\n' +
        '    for k in range(0, n, 3):\n        print(k)\n\nf(9)\n',
    );
    expect(code).toContain('for (let i = 0, stop = mod(n, 7); i < stop; i++)');
    // (a start analysis bounds: from an unbounded one, `j--` could round past 2**53, see int-arithmetic.test.ts)
    expect(code).toContain('for (let j = mod(n, 10) - 1; j > -1; j--)');
    expect(code).toContain('for (let k = 0; k < n; k += 3)');
  });
  test('range over a value of unknown type stays an iteration (range checks its argument)', async () => {
    expect(await ts('def f(n):\n    for i in range(n):\n        print(i)\n')).toContain('for (const i of range(n))');
  });
});

describe('coroutines and the event loop', () => {
  test('awaiting a call of a known coroutine function stays a direct native await', async () => {
    const code = await ts('import asyncio\nasync def f():\n    return 1\nasync def main():\n    print(await f())\nasyncio.run(main())\n');
    expect(code).toContain('print(await f());');
    expect(code).toContain('await asyncio.run(coro(main));');
  });
  test('a coroutine that is not awaited at once becomes a lazy coro object', async () => {
    const code = await ts('import asyncio\nasync def f(x):\n    return x\nasync def main():\n    t = asyncio.create_task(f(1))\n    await t\nasyncio.run(main())\n');
    expect(code).toContain('asyncio.createTask(coro(f, 1))');
    expect(code).toContain('await aw(t);');
  });
  test('a plain function that runs the loop becomes async and its calls are awaited', async () => {
    const code = await ts('import asyncio\nasync def f():\n    pass\ndef run():\n    asyncio.get_event_loop().run_until_complete(f())\nrun()\n');
    expect(code).toContain('async function run()');
    expect(code).toContain('await run();');
  });
  test('keyword arguments of asyncio calls become a trailing options object', async () => {
    const code = await ts('import asyncio\nasync def main(ts):\n    await asyncio.wait(ts, timeout=1, return_when=asyncio.FIRST_COMPLETED)\n');
    expect(code).toContain('asyncio.wait(ts, { timeout: 1, returnWhen: asyncio.FIRST_COMPLETED })');
  });
  test('a bound method passed as a callback keeps its receiver', async () => {
    const code = await ts('import asyncio\nasync def main():\n    loop = asyncio.get_running_loop()\n    fut = loop.create_future()\n    loop.call_soon(fut.set_result, 1)\n    await fut\n');
    expect(code).toContain('loop.callSoon(fut.setResult.bind(fut), 1)');
  });
  test('a method of a receiver of several classes, async in each, makes a lazy coroutine', async () => {
    const classes = 'import asyncio\nclass A:\n    async def run(self):\n        return 1\nclass B:\n    async def run(self):\n        return 2\n';
    const code = await ts(`${classes}async def go(jobs):\n    return await asyncio.gather(*(j.run() for j in jobs))\nasync def main():\n    await go([A(), B()])\n`);
    expect(code).toContain('jobs.map((j) => coro(j.run.bind(j)))');
  });
  test("a list's bound method is the runtime's: arrays have no append, and their pop/sort are not Python's", async () => {
    const code = await ts('import asyncio\norder = [3, 1]\nasyncio.get_event_loop().call_soon(order.append, 2)\nput = order.sort\n');
    expect(code).toContain('callSoon(bound(order, "append"), 2)');
    expect(code).toContain('const put = bound(order, "sort")');
  });
});

describe('Python semantics kept where JavaScript differs', () => {
  test('floor division by a variable and modulo go through the runtime', async () => {
    const code = await ts('a = -7\nb = 2\nprint(a // b, a % 3)\n');
    expect(code).toContain('floorDiv(a, b)');
    expect(code).toContain('mod(a, 3)');
  });
  test('floor division by a positive literal is Math.floor, which agrees with Python for every sign of a', async () => {
    expect(await ts('a = -7\nprint(a // 2)\n')).toContain('Math.floor(a / 2)');
  });
  test('except Exception does not catch BaseExceptions: handlers rethrow what they do not match', async () => {
    const code = await ts('try:\n    pass\nexcept ValueError:\n    pass\n');
    expect(code).toMatch(/instanceof ValueError[\s\S]*throw error;/);
  });
  test('a float is marked when printed so 1.0 prints as 1.0', async () => {
    expect(await ts('x = 1.0\nprint(x)\n')).toContain('print(asFloat(x));');
  });
});

describe('ints and floats whose kind is known only at run time', () => {
  test('an integral float among ints in a display is boxed; a non-integral one and the ints stay plain', async () => {
    const code = await ts('xs = [1, 0.0, 2.5]\nprint(xs)\n');
    expect(code).toContain('const xs = [1, asFloat(0.0), 2.5];');
    expect(typeCheck(new Map([['kinds/case.ts', code]])).output).toBe('');
  });
  test('a display of floats only, and arithmetic on values of known kind, stay plain', async () => {
    const code = await ts('xs = [1.0, 2.0]\ntotal = 0\nfor i in range(3):\n    total += i\nprint(xs, total + 2)\n');
    expect(code).toContain('const xs = [1.0, 2.0];');
    expect(code).not.toContain('asFloat(1.0)');
    expect(code).toContain('total + 2');
  });
  test('a dict value and a tuple place that mix ints and floats carry their kinds, typed PyNumber', async () => {
    const code = await ts('d = {"n": 1, "x": 1.0}\npairs = [(7, 2), (7.5, 2.0)]\nprint(d, pairs)\n');
    expect(code).toContain('dict<string, PyNumber>');
    expect(code).toContain('["x", asFloat(1.0)]');
    expect(code).toContain('tuple(7.5, asFloat(2.0))');
    expect(typeCheck(new Map([['kinds/case.ts', code]])).output).toBe('');
  });
  test('arithmetic, comparisons and truthiness on such values go through the runtime', async () => {
    const code = await ts('for v in [1, 0.0]:\n    print(v + 1, v // 2, v % 2, v ** 2, -v, v < 1, v == 0, "t" if v else "f")\n');
    for (const call of ['add(v, 1)', 'pyFloorDiv(v, 2)', 'pyMod(v, 2)', 'pyPow(v, 2)', 'neg(v)', 'compare(v, 1) < 0', 'eq(v, 0)', 'truthy(v)']) {
      expect(code).toContain(call);
    }
    expect(typeCheck(new Map([['kinds/case.ts', code]])).output).toBe('');
  });
  test('a float reaching a list of unknown item type is boxed', async () => {
    expect(await ts('xs = [0, 1.0, "a", None, [], {}]\nprint(xs)\n')).toContain('asFloat(1.0)');
  });
  test('a parameter called with an int and a float holds either: the float argument is boxed, the body uses the runtime', async () => {
    const code = await ts('def half(x: float) -> float:\n    return x / 2 + x\n\nprint(half(3), half(4.0))\n');
    expect(code).toContain('function half(x: PyNumber)');
    expect(code).toContain('half(3), half(asFloat(4.0))');
    expect(code).toContain('add(');
    expect(typeCheck(new Map([['kinds/case.ts', code]])).output).toBe('');
  });
  test('a float annotation given only ints holds ints, and only floats stays a plain float', async () => {
    const ints = await ts('def f(x: float) -> float:\n    return x * 2\n\nprint(f(3))\n');
    expect(ints).toContain('function f(x: number): number');
    // an int parameter of no known bound: the exact product
    expect(ints).toContain('return mulInt(x, 2);');
    expect(ints).not.toContain('asFloat');
    const floats = await ts('def f(x: float) -> float:\n    return x * 2\n\nprint(f(3.0))\n');
    expect(floats).toContain('print(asFloat(f(3.0)))');
  });
  test('a dataclass field given an int and a float default carries kinds', async () => {
    const code = await ts('from dataclasses import dataclass\n\n@dataclass\nclass Item:\n    price: float = 0.0\n\nprint(Item(3), Item())\n');
    expect(code).toContain('price: PyNumber');
    expect(code).toContain('price: PyNumber = asFloat(0.0)');
    expect(typeCheck(new Map([['kinds/case.ts', code]])).output).toBe('');
  });
  test('a variable assigned an int and then added a float holds either', async () => {
    const code = await ts('import sys\ntotal = 0\nfor a in sys.argv:\n    total += 0.5\nprint(total)\n');
    expect(code).toContain('let total: PyNumber = 0;');
    expect(code).toContain('total = add(total, 0.5)');
    expect(typeCheck(new Map([['kinds/case.ts', code]])).output).toBe('');
  });
  test('a float appended to a list of ints is boxed', async () => {
    const code = await ts('xs = [1]\nxs.append(2.0)\nd = {"a": 1}\nd["b"] = 2.0\nprint(xs, d)\n');
    expect(code).toContain('xs.push(asFloat(2.0))');
    expect(code).toContain('asFloat(2.0));');
    expect(typeCheck(new Map([['kinds/case.ts', code]])).output).toBe('');
  });
  test('float("nan") is boxed so that it has an identity', async () => {
    expect(await ts('nan = float("nan")\nprint([nan] == [nan])\n')).toContain('asFloat(float("nan"))');
  });
});

describe('diagnostics', () => {
  test('an unknown asyncio name is an error with a suggestion', async () => {
    const [d] = await diagnosticsOf('import asyncio\nasync def main(ts):\n    for f in asyncio.as_complete(ts):\n        await f\n');
    expect(d).toMatchObject({ code: 'PYTS4001', severity: 'error', message: "'asyncio.as_complete' does not exist. Did you mean 'asyncio.as_completed'?" });
  });
  test('a removed asyncio API is translated to its replacement with a warning', async () => {
    const result = await transpile('import asyncio\nfor t in asyncio.Task.all_tasks():\n    t.cancel()\n', { filename: 'case.py' });
    expect(result.diagnostics[0]).toMatchObject({ code: 'PYTS4002', severity: 'warning' });
    expect(result.code).toContain('asyncio.allTasks(asyncio.getEventLoop())');
  });
  test('a construct pyts cannot translate is reported with its position and never emitted silently', async () => {
    const result = await transpile('import asyncio\nasync def main():\n    policy = asyncio.get_event_loop_policy()\n', { filename: 'case.py' });
    expect(result.diagnostics[0]).toMatchObject({ code: 'PYTS4004', range: { start: { line: 3 } } });
    expect(result.code).toContain('throw new NotImplementedError');
  });
  test('rebinding self and super() calls that only object could answer are reported, not emitted as invalid TypeScript', async () => {
    const result = await transpile(
      'class A:\n    def f(self):\n        self = None\n\n    def g(self):\n        return super().__repr__()\n',
      { filename: 'case.py' },
    );
    expect(result.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([
      ['PYTS3001', 3],
      ['PYTS3001', 6],
    ]);
    expect(result.code).not.toMatch(/this = |super\./);
  });
});

describe('classes', () => {
  test("super().__init__() of a class whose only base is object does nothing and is dropped", async () => {
    const code = await ts('class A(object):\n    def __init__(self):\n        super().__init__()\n        self.x = 1\n');
    expect(code).not.toContain('super');
    expect(code).toContain('this.x = 1;');
  });
  test('the constructor of a class whose only base is object calls no super() (it extends nothing)', async () => {
    const code = await ts('class A(object):\n    def __init__(self, x):\n        self.x = x\n\nprint(A(1).x)\n');
    expect(code).not.toContain('super');
    expect(code).toContain('this.x = x;');
  });
  test('single inheritance keeps a plain class with a constructor and native super', async () => {
    const code = await ts('class A:\n    def __init__(self, x):\n        self.x = x\n\nclass B(A):\n    def __init__(self):\n        super().__init__(1)\n');
    expect(code).toContain('class B extends A {');
    expect(code).toContain('super(1);');
    expect(code).not.toMatch(/mixin|superOf|PyObject/);
  });
  test('a hierarchy with multiple inheritance runs __init__ and super() through the MRO', async () => {
    const code = await ts(
      'class A:\n    def __init__(self):\n        self.x = 1\n        super().__init__()\n\nclass B(A):\n    def __init__(self, y):\n        super().__init__()\n        self.y = y\n\nclass M:\n    pass\n\nclass C(B, M):\n    pass\n',
    );
    expect(code).toContain('class A extends PyObject {');
    expect(code).toContain('declare x: number;');
    expect(code).toContain('superOf(A, this).__init__();');
    expect(code).toContain('interface B {\n  __init__(...args: any[]): void;\n}');
    expect(code).toContain('superOf<A>(B, this).__init__();');
    expect(code).toContain('class C extends mixin(B, M) {}');
    expect(code).not.toContain('constructor');
  });
  test('keyword arguments of a class call are placed as the __init__ inherited through the MRO declares them', async () => {
    const code = await ts('class A:\n    def __init__(self, *args, color="b"):\n        self.c = color\n\nclass B(A):\n    pass\n\nB(1, color="r")\n');
    expect(code).toContain('new B(1, kw({ color: "r" }))');
  });
  test("a class tells the runtime its members' Python names and decorators only when the module reads a namespace", async () => {
    const cls = 'class A:\n    @staticmethod\n    def make_one():\n        return A()\n';
    expect(await ts(cls)).not.toContain('pythonMembers');
    expect(await ts(`${cls}print(A.__dict__["make_one"])\n`)).toContain('pythonMembers(this, ["make_one", "makeOne", "staticmethod"]);');
  });
  test('multiple inheritance from a class defined elsewhere is reported', async () => {
    const diagnostics = await diagnosticsOf('class M:\n    pass\n\nclass E(M, ValueError):\n    pass\n');
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['PYTS3001', "'multiple inheritance involving a class not defined in this module' is not supported yet; the statement was not translated."],
    ]);
  });
});

describe('typing read at run time', () => {
  test('a TypedDict is a type alias of a dict, and calling it makes a dict', async () => {
    const code = await ts('from typing import TypedDict\nclass P(TypedDict):\n    x: int\n\np = P(x=1)\n');
    expect(code).toContain('type P = PyDict<string, number>;');
    expect(code).toContain('const p = dict(kw({ x: 1 }));');
  });
  test('a module variable assigned a subscripted type is a TypeScript type alias that annotations see through', async () => {
    const code = await ts('from typing import Optional\nMaybe = Optional[int]\ndef f(x: Maybe) -> int:\n    return x or 0\n');
    expect(code).toContain('type Maybe = number | null;');
    expect(code).toContain('function f(x: number | null): number');
  });
  test('globals() reads every module variable through a getter, and writing into it is reported', async () => {
    const code = await ts('x = 1\nprint("x" in globals())\ny = 2\n');
    expect(code).toContain('globalsOf({ x: () => x, y: () => y })');
    const diagnostics = await diagnosticsOf('globals()["z"] = 1\n');
    expect(diagnostics.map((d) => d.code)).toEqual(['PYTS3001']);
  });
});

describe('functions', () => {
  test('a def inside a block is a variable of the whole scope, as in Python (a JS block function is block-scoped)', async () => {
    const code = await ts('import sys\nif sys.argv:\n    def f():\n        return 1\nelse:\n    def f():\n        return 2\nprint(f())\n');
    expect(code).toContain('let f!: () => number;');
    expect(code).toMatch(/f = function f\(\): number \{/);
    expect(typeCheck(new Map([['blocks/case.ts', code]])).output).toBe('');
  });
});

describe('constructs JavaScript cannot express are reported', () => {
  test('running the event loop inside a method, and yield inside a lambda', async () => {
    const source = [
      'import asyncio',
      'class Runner:',
      '    def run(self, coro):',
      '        return asyncio.get_event_loop().run_until_complete(coro)',
      'gen = lambda: (yield 1)',
      '',
    ].join('\n');
    const result = await transpile(source, { filename: 'case.py' });
    expect(result.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([
      ['PYTS3001', 4],
      ['PYTS3001', 5],
    ]);
    expect(result.code).not.toMatch(/return await|=> yield/);
  });
});

describe('with', () => {
  test('a manager that never swallows lets TypeScript see a return inside the block end the function', async () => {
    const source = [
      'class Quiet:',
      '    def __enter__(self):',
      '        return self',
      '    def __exit__(self, *exc):',
      '        return None',
      '',
      'def read(p: str) -> str:',
      '    with open(p) as f:',
      '        return f.read()',
      '',
      'def size() -> int:',
      '    with Quiet():',
      '        return 1',
      '',
    ].join('\n');
    const code = await ts(source);
    expect(code).not.toContain('if (!exitSwallows');
    const checked = typeCheck(new Map([['with/case.ts', code]]));
    expect(checked.output).toBe('');
    expect(checked.exitCode).toBe(0);
  });
  test('a manager whose __exit__ may return true keeps the conditional rethrow', async () => {
    const source = 'class Lenient:\n    def __enter__(self):\n        return self\n    def __exit__(self, *exc):\n        return True\n\nwith Lenient():\n    raise ValueError()\n';
    expect(await ts(source)).toContain('if (!exitSwallows(');
  });
});

describe('comments and layout', () => {
  test('comments stay before the statement they preceded, trailing ones at the end of their line', async () => {
    const code = await ts('# the answer\nx = 42  # computed once\n\n# shown\nprint(x)\n');
    expect(code).toBe('// the answer\nconst x = 42; // computed once\n\n// shown\nprint(x);\n'.replace(/^/, 'import { print } from "pyts/runtime";\n'));
  });
  test('a shebang and a coding declaration are dropped', async () => {
    const code = await ts('#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\nprint(1)\n');
    expect(code).not.toContain('coding');
    expect(code).not.toContain('#!');
  });
});

describe("names imported from the program's other modules", () => {
  const helpers =
    'import asyncio\n\n\nasync def work(n):\n    await asyncio.sleep(0)\n    return n * 2\n\n\n' +
    'def scale(x, factor=2, *, offset=0):\n    return x * factor + offset\n\n\n' +
    'def count(n):\n    yield from range(n)\n\n\n' +
    'class K:\n    def __init__(self, n, m=0):\n        self.n = n + m\n';

  /** The TypeScript of `app.py` in a folder that also holds `files`. */
  async function importer(source: string, files: Record<string, string> = { 'helpers.py': helpers }): Promise<string> {
    const folder = tempFolder({ ...files, 'app.py': source });
    const result = await transpile(source, { filename: `${folder}/app.py` });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    return result.code!;
  }

  test("an imported async def's call not awaited at once is a lazy coroutine, awaited it is a direct call", async () => {
    const code = await importer(
      'from helpers import work\n\n\nasync def main():\n    c = work(1)\n    print(await c, await work(2))\n',
    );
    expect(code).toContain('const c = coro(work, 1);');
    expect(code).toContain('await work(2)');
  });

  test('a coroutine function reached through the module (`helpers.work(2)`) is one too', async () => {
    const code = await importer(
      'import asyncio\nimport helpers\n\n\nasync def main():\n    await asyncio.create_task(helpers.work(2))\n',
    );
    expect(code).toContain('asyncio.createTask(coro(helpers.work, 2))');
  });

  test('an imported class is constructed with new, by name or through its module', async () => {
    const code = await importer('import helpers\nfrom helpers import K\n\nprint(K(3, m=1).n, helpers.K(5).n)\n');
    expect(code).toContain('new K(3, 1)');
    expect(code).toContain('new helpers.K(5)');
  });

  test("keyword arguments are placed by the imported function's parameters", async () => {
    const code = await importer('from helpers import scale\n\nprint(scale(1, factor=3), scale(2, offset=1))\n');
    expect(code).toContain('scale(1, 3)');
    expect(code).toContain('scale(2, undefined, { offset: 1 })');
  });

  test('an imported generator function is called plainly', async () => {
    const code = await importer('from helpers import count\n\nprint(list(count(3)))\n');
    expect(code).toContain('count(3)');
    expect(code).not.toContain('coro(count');
  });

  test("a name a package re-exports from its submodule (`from .impl import work`) is that submodule's", async () => {
    const code = await importer(
      'from tools import work\n\n\nasync def main():\n    c = work(1)\n    print(await c)\n',
      {
        'tools/__init__.py': 'from .impl import work\n',
        'tools/impl.py': 'async def work(n):\n    return n\n',
      },
    );
    expect(code).toContain('coro(work, 1)');
  });

  test("a dataclass's keyword arguments fill its fields in order", async () => {
    const code = await importer('from shapes import Point\n\nprint(Point(y=2, x=1))\n', {
      'shapes.py': 'from dataclasses import dataclass\n\n\n@dataclass\nclass Point:\n    x: int\n    y: int = 0\n',
    });
    expect(code).toContain('new Point(1, 2)');
  });

  test("an async method of an imported class's instance makes a lazy coroutine", async () => {
    const code = await importer(
      'import asyncio\nfrom jobs import Job\n\n\nasync def main():\n    j = Job()\n    await asyncio.gather(j.run(), j.run())\n',
      {
        'jobs.py': 'class Job:\n    async def run(self):\n        return 1\n',
      },
    );
    expect(code).toContain('asyncio.gather(coro(j.run.bind(j)), coro(j.run.bind(j)))');
  });

  test("an imported class's inherited methods and __init__ are found along its MRO, across modules", async () => {
    const code = await importer(
      'from shapes import Square\n\n\nasync def main():\n    s = Square(2, scale=3)\n    c = s.area_async()\n    print(s.describe(unit="m"), await c)\n',
      {
        'base.py':
          'class Shape:\n    def __init__(self, side, scale=1):\n        self.side = side\n\n    async def area_async(self):\n        return 1\n\n    def describe(self, precise=False, unit="cm"):\n        return unit\n',
        'shapes.py': 'from base import Shape\n\n\nclass Square(Shape):\n    pass\n',
      },
    );
    expect(code).toContain('new Square(2, 3)');
    expect(code).toContain('coro(s.areaAsync.bind(s))');
    expect(code).toContain('s.describe(undefined, "m")');
  });

  test('`from module import *` binds the names of its __all__ that the importer uses, else its public names', async () => {
    const code = await importer(
      'from helpers import *\nfrom extra import *\n\n\nasync def main():\n    c = work(1)\n    print(await c, scale(2, offset=1), tool(), hidden())\n',
      {
        'helpers.py': `__all__ = ["work", "scale"]\n${helpers}`,
        'extra.py': 'import asyncio\n\n\ndef tool():\n    return 1\n\n\ndef _hidden():\n    return 2\n',
      },
    );
    expect(code).toContain('import { work, scale } from "./helpers.js";');
    expect(code).toContain('import { tool } from "./extra.js";');
    expect(code).toContain('coro(work, 1)');
    expect(code).toContain('scale(2, undefined, { offset: 1 })');
    expect(code).toContain('undefinedName("hidden")');
  });

  test('an instance made through the module (`jobs.Job()`) knows its async methods too', async () => {
    const code = await importer(
      'import asyncio\nimport jobs\n\n\nasync def main():\n    j = jobs.Job()\n    await asyncio.gather(j.run(), j.run())\n',
      { 'jobs.py': 'class Job:\n    async def run(self):\n        return 1\n' },
    );
    expect(code).toContain('const j = new jobs.Job();');
    expect(code).toContain('asyncio.gather(coro(j.run.bind(j)), coro(j.run.bind(j)))');
  });

  test('modules importing each other are summarised without looping', async () => {
    const code = await importer('from a import f\n\n\nasync def main():\n    c = f()\n    print(await c)\n', {
      'a.py': 'from b import g\n\n\nasync def f():\n    return g\n',
      'b.py': 'from a import f\n\n\ndef g():\n    return f\n',
    });
    expect(code).toContain('coro(f)');
  });
});

describe('functions and methods passed around, as real scripts write them', () => {
  test("a decorated method is what its decorators return, set on the prototype and given the instance first", async () => {
    const code = await ts(
      'import functools\n\n\ndef logged(f):\n    @functools.wraps(f)\n    async def wrapper(*args, **kwargs):\n        return await f(*args, **kwargs)\n    return wrapper\n\n\nclass S:\n    @logged\n    async def call(self, x, *, retries=1):\n        return x\n',
    );
    expect(code).toContain('this.prototype.call = pythonMethod(');
    expect(code).toMatch(/async function \(\s*self: S,\s*x: any/);
    expect(code).toContain('await aw(() => callPython(f, [...args], kwargs))');
  });

  test("a nested def reads the method's self through a const, a lambda through this", async () => {
    const code = await ts(
      'class A:\n    def __init__(self):\n        self.x = 1\n\n    def f(self):\n        def g(k):\n            return self.x + k\n        h = lambda k: self.x * k\n        return g(2) + h(3)\n',
    );
    expect(code).toContain('const self = this;');
    expect(code).toMatch(/=> mul\(this\.x, k\)|=> this\.x \* k/);
  });

  test('an except clause naming a variable that holds classes tests with isinstance', async () => {
    const code = await ts(
      'def run(f, retry_on=(ValueError, KeyError)):\n    try:\n        return f()\n    except retry_on as exc:\n        return exc\n',
    );
    expect(code).toContain('isinstance(exc, retryOn)');
  });

  test('an attribute set on a function and read back goes through any', async () => {
    const code = await ts('def f():\n    return 1\n\n\nf.calls = 0\nf.calls += 1\nprint(f.calls)\n');
    expect(code).toContain('(f as any).calls = 0;');
    expect(code).toContain('print((f as any).calls)');
  });
});
