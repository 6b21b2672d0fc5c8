// Int arithmetic: plain TypeScript where analysis bounds the result below 2**53 (src/analyze/int-bounds.ts), the
// runtime's exact helpers elsewhere. Behaviour past 2**53 is the fixtures' job (fixtures/language/numbers).
import { describe, expect, test } from 'vitest';
import { transpile } from '../../src/api.js';

async function ts(source: string): Promise<string> {
  const result = await transpile(source, { filename: 'case.py' });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.code!;
}

describe('int arithmetic that can leave 2**53 calls the exact helpers', () => {
  test('literals and constant operations beyond the largest double translate (a bigint, PYTS3003), not crash', async () => {
    const result = await transpile(`x = 10 ** 400\ny = ${'9'.repeat(400)} + 1\nprint(x, y)\n`, { filename: 'case.py' });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['PYTS3003', 'PYTS3003']);
    expect(result.code).toContain(`${'9'.repeat(400)}n`);
  });
  test('a product that grows in a loop is mulInt, augmented assignment included', async () => {
    const code = await ts('f = 1\nfor i in range(1, 31):\n    f *= i\nprint(f)\n');
    expect(code).toContain('f = mulInt(f, i);');
  });
  test('a sum of variables that grow together is addInt (fibonacci)', async () => {
    const code = await ts('a, b = 0, 1\nfor _ in range(100):\n    a, b = b, a + b\nprint(a)\n');
    expect(code).toContain('addInt(a, b)');
  });
  test('operands analysis knows nothing of (parameters, attributes) are checked', async () => {
    const code = await ts('def f(x: int, n: int) -> int:\n    return x * n - 1\n\nprint(f(3, 4))\n');
    expect(code).toContain('subInt(mulInt(x, n), 1)');
  });
  test('one unbounded assignment makes the variable unbounded, wherever it is (a nested function via nonlocal)', async () => {
    const code = await ts(
      'def outer(n: int):\n    x = 0\n    def grow():\n        nonlocal x\n        x = n\n    grow()\n    print(x + 1)\n\nouter(5)\n',
    );
    expect(code).toContain('addInt(x, 1)');
  });
  test('a counter from an unbounded start is checked', async () => {
    const code = await ts('n = int(input())\nwhile n > 0:\n    n -= 1\nprint(n)\n');
    expect(code).toContain('n = subInt(n, 1);');
  });
  test('a value doubled in a loop widens to unbounded', async () => {
    const code = await ts('x = 1\nwhile x < 10 ** 30:\n    x = x * 2 + 1\nprint(x)\n');
    expect(code).toContain('addInt(mulInt(x, 2), 1)');
  });
  test('a counting loop needs a bounded start, or i++ could round past 2**53: range(n, n + 3) iterates the runtime range', async () => {
    const code = await ts(
      'def f(n: int):\n    for i in range(n, n + 3):\n        print(i)\n    for j in range(n):\n        print(j)\n\nf(2)\n',
    );
    expect(code).toContain('for (const i of range(n, addInt(n, 3)))');
    expect(code).toContain('for (let j = 0; j < n; j++)');
  });
  test('a floor division of an unbounded int by a literal is floorDiv, exact for a bigint', async () => {
    const code = await ts('def f(x: int) -> int:\n    return x // 10\n\nprint(f(123))\n');
    expect(code).toContain('floorDiv(x, 10)');
  });
  test('an int literal no double holds is an exact bigint, one that a double holds stays a number', async () => {
    const code = await ts('print(9007199254740993, 18446744073709551616, 9007199254740992)\n');
    expect(code).toContain('fromBigInt(9007199254740993n), 18446744073709551616, 9007199254740992');
  });
  test('a literal product beyond 2**53 is exact', async () => {
    expect(await ts('print(12345678901234567890 * 98765432109876543210)\n')).toContain(
      'mulInt(fromBigInt(12345678901234567890n), fromBigInt(98765432109876543210n))',
    );
  });
});

describe('int arithmetic that provably stays below 2**53 is plain', () => {
  test('literals, module constants and range loop variables', async () => {
    const code = await ts('N = 1000\nfor i in range(N):\n    print(i * N + 1, N - i)\n');
    expect(code).toContain('i * N + 1');
    expect(code).toContain('N - i');
  });
  test('a counter stepped by a small literal from a bounded start', async () => {
    const code = await ts('count = 0\nfor line in ["a", "b"]:\n    count += 1\nprint(count + 1)\n');
    expect(code).toContain('count += 1;');
    expect(code).toContain('count + 1');
  });
  test('a counter stepped by more than the counter rule allows is checked', async () => {
    const code = await ts('total = 0\nfor line in ["a", "b"]:\n    total += 1000\nprint(total)\n');
    expect(code).toContain('total = addInt(total, 1000);');
  });
  test('a hash kept below a modulus stays plain: acc = (acc * 31 + x) % M', async () => {
    const code = await ts(
      'M = 1_000_000_007\nacc = 0\nfor x in range(100000):\n    acc = (acc * 31 + x) % M\nprint(acc)\n',
    );
    expect(code).toContain('acc * 31 + x');
    expect(code).not.toContain('addInt');
  });
  test('a hash masked to 32 bits stays plain', async () => {
    const code = await ts('h = 0\nfor c in "abc":\n    h = (h * 31 + ord(c)) & 0xFFFFFFFF\nprint(h)\n');
    expect(code).toContain('h * 31 + ord(c)');
    expect(code).not.toContain('mulInt');
  });
  test('sizes, positions, abs, min and max of bounded ints', async () => {
    const code = await ts(
      'def f(xs: list[int], s: str):\n    print(len(xs) - 1, s.find("a") + 1, abs(len(s) - 3) * 2, max(len(xs), 7) + 1)\n\nf([1], "ab")\n',
    );
    expect(code).not.toMatch(/addInt|subInt|mulInt/);
  });
  test('a remainder and a floor quotient are bounded by their operands', async () => {
    const code = await ts('def f(x: int):\n    r = x % 10\n    q = r // 3\n    print(r * 100 + q)\n\nf(12345)\n');
    expect(code).toContain('r * 100 + q');
  });
  test('a variable assigned a bounded value in every branch joins their bounds', async () => {
    const code = await ts('import sys\nk = 3 if len(sys.argv) > 1 else -5\nprint(k * 1000)\n');
    expect(code).toContain('k * 1000');
  });
  test('a float operand keeps float arithmetic', async () => {
    const code = await ts('def f(x: float, n: int):\n    print(x * n + 1)\n\nf(1.5, 2)\n');
    expect(code).not.toMatch(/addInt|mulInt/);
  });
});
