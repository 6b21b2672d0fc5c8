// Async generators, aiter/anext and asynccontextmanager: conformance/async_iter programs ported to the shape of
// emitted code (`asyncGenerator(async function* …)`, `for await (… of aiter(x))`).

import { describe, expect, it } from 'vitest';
import { conformance, runPorted } from './ported-program.js';

describe('conformance/async_iter', () => {
  conformance('async_iter', 'async_generator_steps_interleave_with_tasks', async ({ asyncio, print }) => {
    const { coro, aw, aiter, asyncGenerator } = asyncio;
    const agen = asyncGenerator(async function* agen() {
      for (let i = 0; i < 3; i++) {
        print(`gen yields ${i}`);
        yield i;
        await asyncio.sleep(0);
        print(`gen resumed after ${i}`);
      }
    });
    async function other() {
      for (let i = 0; i < 4; i++) {
        print(`other ${i}`);
        await asyncio.sleep(0);
      }
    }
    async function main() {
      const t = asyncio.createTask(coro(other));
      for await (const v of aiter(agen())) print(`main got ${v}`);
      print('loop done');
      await aw(t);
    }
    await asyncio.run(coro(main));
  });

  conformance('async_iter', 'async_generator_aclose_runs_cleanup', async ({ asyncio, print, py }) => {
    const { coro, aw, anext, asyncGenerator } = asyncio;
    const gen = asyncGenerator(async function* gen() {
      print('gen started');
      try {
        yield 1;
        yield 2;
      } catch (e) {
        if (e instanceof py.GeneratorExit) print('gen: GeneratorExit');
        throw e;
      } finally {
        print('gen: finally, awaiting cleanup');
        await asyncio.sleep(0);
        print('gen: cleanup done');
      }
    });
    async function main() {
      const g = gen();
      print('first:', await aw(anext(g)));
      await aw(g.aclose());
      print('aclose returned');
      print('anext after close:', await aw(anext(g, '<exhausted>')));
      await aw(g.aclose());
      print('second aclose is a no-op');
      const fresh = gen();
      await aw(fresh.aclose());
      print('unstarted generator closed; anext:', await aw(anext(fresh, '<exhausted>')));
    }
    await asyncio.run(coro(main));
  });

  conformance('async_iter', 'async_generator_break_closes_it_later', async ({ asyncio, print }) => {
    const { coro, aiter, asyncGenerator } = asyncio;
    const source = asyncGenerator(async function* source() {
      try {
        for (let i = 0; i < 10; i++) yield i;
      } finally {
        print('source: finally');
      }
    });
    async function main() {
      for await (const x of aiter(source())) {
        if (x === 1) {
          print('breaking at', x);
          break;
        }
      }
      print('after the loop');
      for (let step = 0; step < 3; step++) {
        await asyncio.sleep(0);
        print('main step', step);
      }
    }
    await asyncio.run(coro(main));
  });

  conformance('async_iter', 'asyncio_run_finalizes_suspended_async_generator', async ({ asyncio, print }) => {
    const { coro, aw, anext, asyncGenerator } = asyncio;
    const keep: unknown[] = [];
    const ticker = asyncGenerator(async function* ticker(name: string) {
      try {
        let i = 0;
        for (;;) {
          yield `${name}-${i}`;
          i += 1;
        }
      } finally {
        await asyncio.sleep(0);
        print(`${name}: finally`);
      }
    });
    async function main() {
      const g = ticker('g');
      keep.push(g);
      print(await aw(anext(g)), await aw(anext(g)));
      print('main returns');
      return 'result';
    }
    print('asyncio.run returned', await asyncio.run(coro(main)));
  });

  conformance('async_iter', 'async_for_type_errors', async ({ asyncio, print, py }) => {
    const { coro, aiter } = asyncio;
    class BadAiter {
      __aiter__() {
        return [1, 2];
      }
    }
    class NotAwaitable {
      __aiter__() {
        return this;
      }
      __anext__() {
        return 5;
      }
    }
    async function main() {
      try {
        for await (const _ of aiter([1, 2, 3]));
      } catch (e) {
        if (!(e instanceof py.TypeError)) throw e;
        print('TypeError:', e);
      }
      try {
        for await (const _ of aiter(new BadAiter()));
      } catch (e) {
        if (!(e instanceof py.TypeError)) throw e;
        print('TypeError:', e);
      }
      for await (const x of aiter(new NotAwaitable())) print('not reached', x);
    }
    await asyncio.run(coro(main));
  });
});

describe('async generators', () => {
  it('delivers asend values and athrow exceptions at the paused yield', async () => {
    const result = await runPorted(async ({ asyncio, print, py }) => {
      const { coro, aw, asyncGenerator } = asyncio;
      const echo = asyncGenerator(async function* echo() {
        let received: unknown = null;
        for (;;) {
          try {
            received = yield received;
          } catch (e) {
            if (!(e instanceof py.ValueError)) throw e;
            received = 'caught';
          }
        }
      });
      async function main() {
        const g = echo();
        print(await aw(g.__anext__()), await aw(g.asend(5)), await aw(g.athrow(new py.ValueError('x'))));
        try {
          await aw(echo().asend(1));
        } catch (e) {
          if (!(e instanceof py.TypeError)) throw e;
          print('TypeError:', e);
        }
        await aw(g.aclose());
      }
      await asyncio.run(coro(main));
    });
    expect(result.stdout).toBe(
      "None 5 caught\nTypeError: can't send non-None value to a just-started async generator\n",
    );
  });

  it('turns a StopAsyncIteration escaping the body into RuntimeError (PEP 479)', async () => {
    const result = await runPorted(async ({ asyncio, print, py, typeName }) => {
      const { coro, aw, anext, asyncGenerator } = asyncio;
      const g = asyncGenerator(async function* g() {
        yield 1;
        throw new py.StopAsyncIteration();
      });
      async function main() {
        const x = g();
        print(await aw(anext(x)));
        try {
          await aw(anext(x));
        } catch (e) {
          if (!(e instanceof py.RuntimeError)) throw e;
          print('RuntimeError:', e, typeName(e.__cause__));
        }
      }
      await asyncio.run(coro(main));
    });
    expect(result.stdout).toBe('1\nRuntimeError: async generator raised StopAsyncIteration StopAsyncIteration\n');
  });

  it('enters and leaves an asynccontextmanager, suppressing what the generator catches', async () => {
    const result = await runPorted(async ({ asyncio, print, py }) => {
      const { coro, asyncGenerator } = asyncio;
      const contextlib = await import('../../../src/runtime/contextlib/index.js');
      const managed = contextlib.asynccontextmanager(
        asyncGenerator(async function* managed(suppress: boolean) {
          try {
            yield 'value';
          } catch (e) {
            print('generator saw', (e as object).constructor.name);
            if (!suppress) throw e;
          }
        }),
      );
      async function main() {
        const cm = managed(true);
        print('entered with', await cm.__aenter__());
        const error = new py.ZeroDivisionError('x');
        print('suppressed:', await cm.__aexit__(py.ZeroDivisionError, error, null));
        const cm2 = managed(false);
        await cm2.__aenter__();
        print('suppressed:', await cm2.__aexit__(py.KeyError, new py.KeyError('k'), null));
      }
      await asyncio.run(coro(main));
    });
    expect(result.stdout).toBe(
      'entered with value\ngenerator saw ZeroDivisionError\nsuppressed: True\ngenerator saw KeyError\nsuppressed: False\n',
    );
  });
});
