// The source map of a translation: every line of the TypeScript that comes from a Python statement maps back to
// it, with or without formatting, and asking for a map never changes the TypeScript.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { describe, expect, test } from 'vitest';
import { findFixtureSources, isRejectedCase, repoRoot } from '../../scripts/lib/fixtures.mjs';
import { transpile } from '../../src/api.js';

// Each statement carries its own line number as a string ("L7" on line 7), so the expected origin of any
// TypeScript line that holds such a string can be read off the line itself.
const program = `import asyncio


class Counter:
    total = "L5"

    def __init__(self):
        self.count = "L8"

    def bump(self, by):
        if by > 1:
            self.count = "L12"
        elif by < 0:
            raise ValueError("L14")
        else:
            self.count = "L16"
        return "L17"


async def work(n):
    for i in range(n):
        await asyncio.sleep(0)
        print("L23", i)
    else:
        print("L25")
    while n > 0:
        n -= 1
        print("L28")
    try:
        print("L30")
    except ValueError:
        print("L32")
    finally:
        print("L34")
    square = lambda x: (x, "L35")
    print(square(2), "L36")


def describe(value):
    match value:
        case 1:
            return "L42"
        case _:
            return "L44"


asyncio.run(work(2))
print(describe(1), Counter().bump(2), "L48")
`;

/** TypeScript lines holding an "Lnn" tag, with the Python line the map gives for them. */
async function taggedLines(format: boolean): Promise<{ tag: number; mapped: number | null; name: string | null }[]> {
  const plain = await transpile(program, { filename: 'tags.py', format });
  const result = await transpile(program, { filename: 'tags.py', format, sourceMap: true });
  expect(result.code).toBe(plain.code);
  expect(result.map).toBeTruthy();
  const map = new TraceMap(result.map!);
  return result.code!.split('\n').flatMap((text, index) => {
    const tag = /"L(\d+)"/.exec(text);
    if (tag === null) return [];
    const position = originalPositionFor(map, { line: index + 1, column: text.search(/\S/) });
    return [{ tag: Number(tag[1]), mapped: position.line, name: position.name }];
  });
}

describe('source maps', () => {
  test.each([true, false])('each tagged line maps to its Python line (format: %s)', async (format) => {
    const lines = await taggedLines(format);
    // every tag of the program appears in the TypeScript and maps home
    expect(new Set(lines.map((l) => l.tag)).size).toBe(program.match(/"L\d+"/g)!.length);
    for (const line of lines) expect(line.mapped, `"L${line.tag}"`).toBe(line.tag);
  });

  test('a line names the Python function it belongs to', async () => {
    const names = new Map((await taggedLines(true)).map((l) => [l.tag, l.name]));
    expect(names.get(8)).toBe('__init__');
    expect(names.get(14)).toBe('bump');
    expect(names.get(23)).toBe('work');
    expect(names.get(42)).toBe('describe');
    expect(names.get(48)).toBe(null);
  });

  test('the map names the files and embeds the Python', async () => {
    const result = await transpile(program, {
      filename: 'src/tags.py',
      sourceMap: { file: 'tags.ts', source: '../src/tags.py' },
    });
    expect(result.map).toMatchObject({
      version: 3,
      file: 'tags.ts',
      sources: ['../src/tags.py'],
      sourcesContent: [program],
    });
  });

  test('columns point at the start of the Python statement', async () => {
    const result = await transpile(program, { filename: 'tags.py', sourceMap: true });
    const map = new TraceMap(result.map!);
    const lines = result.code!.split('\n');
    const index = lines.findIndex((l) => l.includes('"L28"'));
    const position = originalPositionFor(map, { line: index + 1, column: lines[index]!.search(/\S/) });
    expect(position).toMatchObject({ line: 28, column: 8 });
  });

  // Every fixture: the same TypeScript with and without a map, and a map that covers the statements.
  const fixtures = findFixtureSources().filter((path: string) => !isRejectedCase(path));
  test.each(fixtures.map((path: string) => [relative(repoRoot, path), path]))('%s', async (name, path) => {
    const source = readFileSync(path, 'utf8');
    const plain = await transpile(source, { filename: name });
    const mapped = await transpile(source, { filename: name, sourceMap: true });
    expect(mapped.code).toBe(plain.code);
    const map = new TraceMap(mapped.map!);
    const pythonLines = source.split('\n');
    const positions = mapped.code!.split('\n').map((text, index) => {
      const column = text.search(/\S/);
      return {
        text: text.trim(),
        position: column === -1 ? null : originalPositionFor(map, { line: index + 1, column }),
      };
    });
    const firstMapped = positions.findIndex((p) => p.position?.line != null);
    expect(firstMapped).toBeGreaterThanOrEqual(0);
    for (const [index, { text, position }] of positions.entries()) {
      if (position === null) continue;
      if (position.line === null) {
        // before the first statement: imports and what the runtime must know of the functions; after it, only
        // comments and the declarations of variables hoisted to the top of a block map to nothing
        if (index > firstMapped && !/^(\/\/|\/\*|\*)|^(export )?let /.test(text))
          expect.fail(`${name}:${index + 1} is not mapped: ${text}`);
        continue;
      }
      // a mapped line points at the start of a Python statement, never into blank space or a comment
      const rest = pythonLines[position.line - 1]!.slice(position.column);
      expect(rest.trim() !== '' && !rest.startsWith('#'), `${name}:${index + 1} -> ${position.line}`).toBe(true);
    }
  });
});
