// to_thread and run_in_executor on the simulated executor thread, contextvars across tasks and threads, and
// functools.partial: conformance/threads and conformance/misc programs ported to the shape of emitted code.

import { describe, expect, it } from 'vitest';
import { conformance, runPorted } from './ported-program.js';

describe('conformance/threads', () => {
  conformance('threads', 'to_thread_exception_propagates', async ({ asyncio, print, py, typeName }) => {
    const { coro } = asyncio;
    function parse(text: string): number {
      if (!/^\d+$/.test(text)) throw new py.ValueError(`invalid literal for int() with base 10: '${text}'`);
      return Number(text);
    }
    async function main() {
      print('parsed:', await asyncio.toThread(parse, '42'));
      try {
        await asyncio.toThread(parse, 'forty-two');
      } catch (e) {
        if (!(e instanceof py.ValueError)) throw e;
        print('caught:', typeName(e), e);
      }
      await asyncio.toThread(parse, 'x1');
    }
    await asyncio.run(coro(main));
  });
});

describe('conformance/misc', () => {
  conformance('misc', 'contextvars_task_copies_context_at_creation', async ({ asyncio, print }) => {
    const { coro, aw } = asyncio;
    const contextvars = await import('../../../src/runtime/contextvars/index.js');
    const variable = contextvars.ContextVar('var', { default: 'default' });
    async function child(name: string) {
      print(`${name} sees ${variable.get()}`);
      variable.set(`set by ${name}`);
      await asyncio.sleep(0);
      print(`${name} now sees ${variable.get()}`);
    }
    async function main() {
      print('main starts with', variable.get());
      variable.set('main-1');
      const t1 = asyncio.createTask(coro(child, 't1'));
      variable.set('main-2');
      const t2 = asyncio.createTask(coro(child, 't2'));
      await aw(asyncio.gather(t1, t2));
      print('main sees', variable.get());
      await child('awaited');
      print('main sees', variable.get());
      const ctx = contextvars.Context();
      await aw(asyncio.createTask(coro(child, 'fresh-context'), { context: ctx }));
      print('fresh context afterwards holds', ctx.__getitem__(variable));
    }
    await asyncio.run(coro(main));
  });
});

describe('threads', () => {
  it('runs to_thread calls on the asyncio_0 thread, in a copy of the caller context, with no running loop', async () => {
    const result = await runPorted(async ({ asyncio, print, py }) => {
      const { coro, aw } = asyncio;
      const contextvars = await import('../../../src/runtime/contextvars/index.js');
      const threading = await import('../../../src/runtime/threading/index.js');
      const variable = contextvars.ContextVar('v', { default: 'd' });
      function probe(x: number, { scale = 1 }: { scale?: number } = {}) {
        let loopState = 'has a running loop';
        try {
          asyncio.getRunningLoop();
        } catch (e) {
          if (!(e instanceof py.RuntimeError)) throw e;
          loopState = `RuntimeError: ${e.__str__()}`;
        }
        return [x * scale, threading.currentThread().name, variable.get(), loopState];
      }
      async function main() {
        variable.set('main');
        print(await asyncio.toThread(probe, 2, { scale: 3 }));
        const loop = asyncio.getRunningLoop();
        print(await aw(loop.runInExecutor(null, probe, 1)));
      }
      await asyncio.run(coro(main));
      print(threading.currentThread().name, variable.get());
    });
    expect(result.stdout).toBe(
      "[6, 'asyncio_0', 'main', 'RuntimeError: no running event loop']\n" +
        "[1, 'asyncio_0', 'd', 'RuntimeError: no running event loop']\nMainThread d\n",
    );
  });

  it('refuses keyword arguments in run_in_executor and passes them through functools.partial', async () => {
    const result = await runPorted(async ({ asyncio, print, py }) => {
      const { coro, aw } = asyncio;
      const functools = await import('../../../src/runtime/functools/index.js');
      function compute(a: number, b: number, { mod = null }: { mod?: number | null } = {}) {
        return mod === null ? a ** b : a ** b % mod;
      }
      async function main() {
        const loop = asyncio.getRunningLoop();
        const p = functools.partial(compute, 2, 10, { mod: 1000 });
        print(await aw(loop.runInExecutor(null, p)), p.args, p.keywords.getItem('mod'));
        try {
          loop.runInExecutor(null, compute, 2, 10, { mod: 7 });
        } catch (e) {
          if (!(e instanceof py.TypeError)) throw e;
          print('TypeError:', e);
        }
      }
      await asyncio.run(coro(main));
    });
    expect(result.stdout).toBe(
      "24 (2, 10) 1000\nTypeError: BaseEventLoop.run_in_executor() got an unexpected keyword argument 'mod'\n",
    );
  });

  it('runs calls still pending when asyncio.run shuts the executor down, and refuses calls afterwards', async () => {
    const result = await runPorted(async ({ asyncio, print, py }) => {
      const { coro } = asyncio;
      function work(n: number) {
        print('work', n);
        return n;
      }
      async function main() {
        asyncio.getRunningLoop().runInExecutor(null, work, 1);
        print('main returns');
      }
      await asyncio.run(coro(main));
      print('after run');
      const loop = asyncio.newEventLoop();
      await loop.runUntilComplete(coro(loop.shutdownDefaultExecutor.bind(loop)));
      try {
        loop.runInExecutor(null, work, 2);
      } catch (e) {
        if (!(e instanceof py.RuntimeError)) throw e;
        print('RuntimeError:', e);
      }
      loop.close();
    });
    expect(result.stdout).toBe('main returns\nwork 1\nafter run\nRuntimeError: Executor shutdown has been called\n');
  });

  it('undoes a ContextVar.set with its token, once', async () => {
    const result = await runPorted(async ({ print, py }) => {
      const contextvars = await import('../../../src/runtime/contextvars/index.js');
      const variable = contextvars.ContextVar('v', { default: 'd' });
      variable.set('main');
      const token = variable.set('x');
      print(variable.get());
      variable.reset(token);
      print(variable.get());
      try {
        variable.reset(token);
      } catch (e) {
        print(e instanceof py.RuntimeError ? 'RuntimeError' : 'other');
      }
      const ctx = contextvars.copyContext();
      print(
        ctx.run(() => variable.get()),
        ctx.__getitem__(variable),
        ctx.__contains__(variable),
        ctx.__len__(),
      );
    });
    expect(result.stdout).toBe('x\nmain\nRuntimeError\nmain main True 1\n');
  });
});
