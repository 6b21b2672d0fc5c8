// TaskGroup and splitExceptionGroup (except*): conformance/taskgroup programs ported to the shape of emitted code.

import { describe, expect, it } from 'vitest';
import { conformance, runPorted } from './ported-program.js';

describe('conformance/taskgroup', () => {
  conformance('taskgroup', 'taskgroup_except_star_splits_errors', async ({ asyncio, print, repr, py, str }) => {
    const { coro } = asyncio;
    async function fail(exc: unknown) {
      throw exc;
    }
    async function survivor() {
      try {
        await asyncio.sleep(1);
      } catch (e) {
        if (e instanceof asyncio.CancelledError) print('survivor: cancelled');
        throw e;
      }
    }
    async function main() {
      try {
        const tg = await new asyncio.TaskGroup().__aenter__();
        let failed = false;
        try {
          tg.createTask(coro(fail, new py.ValueError('v1')));
          tg.createTask(coro(fail, new py.KeyError('k')));
          tg.createTask(coro(fail, new py.ValueError('v2')));
          tg.createTask(coro(survivor));
        } catch (e) {
          failed = true;
          if (!(await tg.__aexit__((e as object).constructor, e, null))) throw e;
        } finally {
          if (!failed) await tg.__aexit__(null, null, null);
        }
      } catch (error) {
        let unhandled: unknown = error;
        {
          const [g, remaining] = asyncio.splitExceptionGroup(unhandled, [py.ValueError]);
          unhandled = remaining;
          if (g)
            print(
              'except* ValueError:',
              repr(g.message),
              g.exceptions.map((e) => str(e)),
            );
        }
        {
          const [g, remaining] = asyncio.splitExceptionGroup(unhandled, [py.KeyError]);
          unhandled = remaining;
          if (g) print('except* KeyError:', repr(g));
        }
        if (unhandled) throw unhandled;
      }
      print('after try');
    }
    await asyncio.run(coro(main));
  });

  conformance('taskgroup', 'taskgroup_parent_cancel_count_after_child_failure', async ({ asyncio, print, py }) => {
    const { coro, aw } = asyncio;
    async function failAfter(steps: number) {
      for (let i = 0; i < steps; i++) await asyncio.sleep(0);
      throw new py.ValueError(`failed after ${steps} steps`);
    }
    async function run(bodyWaits: boolean) {
      const flag = bodyWaits ? 'True' : 'False';
      try {
        const tg = await new asyncio.TaskGroup().__aenter__();
        let failed = false;
        try {
          tg.createTask(coro(failAfter, 1));
          if (bodyWaits) await asyncio.sleep(1);
        } catch (e) {
          failed = true;
          if (!(await tg.__aexit__((e as object).constructor, e, null))) throw e;
        } finally {
          if (!failed) await tg.__aexit__(null, null, null);
        }
      } catch (e) {
        if (!(e instanceof py.ExceptionGroup)) throw e;
        print(`body_waits=${flag}:`, e.exceptions);
      }
      print(`body_waits=${flag}: cancelling() =`, asyncio.currentTask()!.cancelling());
    }
    async function main() {
      await aw(asyncio.createTask(coro(run, true)));
      await aw(asyncio.createTask(coro(run, false)));
    }
    await asyncio.run(coro(main));
  });

  conformance('taskgroup', 'taskgroup_create_task_when_not_active', async ({ asyncio, print, repr, py }) => {
    const { coro } = asyncio;
    async function noop() {
      return 'ok';
    }
    async function main() {
      const tg = new asyncio.TaskGroup();
      print(repr(tg));
      const c = coro(noop);
      try {
        tg.createTask(c);
      } catch (e) {
        if (!(e instanceof py.RuntimeError)) throw e;
        print('before enter:', e);
      }
      await tg.__aenter__();
      const t = tg.createTask(c);
      print('inside:', repr(tg));
      await tg.__aexit__(null, null, null);
      print('after:', repr(tg), t.result());
      const c2 = coro(noop);
      try {
        tg.createTask(c2);
      } catch (e) {
        if (!(e instanceof py.RuntimeError)) throw e;
        print('after exit:', e);
      }
      c2.close();
      try {
        await tg.__aenter__();
      } catch (e) {
        if (!(e instanceof py.RuntimeError)) throw e;
        print('re-enter:', e);
      }
    }
    await asyncio.run(coro(main));
  });
});

describe('splitExceptionGroup', () => {
  it('wraps a naked matching exception in a group with an empty message', async () => {
    const result = await runPorted(async ({ asyncio, print, repr, py }) => {
      const [matched, rest] = asyncio.splitExceptionGroup(new py.ValueError('v'), [py.ValueError]);
      print(matched!.constructor.name, repr(matched!.message), matched!.exceptions, rest);
      const [none, same] = asyncio.splitExceptionGroup(new py.KeyError('k'), [py.ValueError]);
      print(none, repr(same));
    });
    expect(result.stdout).toBe("ExceptionGroup '' (ValueError('v'),) None\nNone KeyError('k')\n");
  });

  it('keeps the nesting of groups in both parts, as ExceptionGroup.split does', async () => {
    const result = await runPorted(async ({ asyncio, print, repr, py }) => {
      const inner = new py.ExceptionGroup('inner', [new py.ValueError('a'), new py.KeyError('b')]);
      const outer = new py.ExceptionGroup('outer', [inner, new py.ValueError('c')]);
      const [matched, rest] = asyncio.splitExceptionGroup(outer, [py.ValueError]);
      print(repr(matched));
      print(repr(rest));
    });
    expect(result.stdout).toBe(
      "ExceptionGroup('outer', [ExceptionGroup('inner', [ValueError('a')]), ValueError('c')])\n" +
        "ExceptionGroup('outer', [ExceptionGroup('inner', [KeyError('b')])])\n",
    );
  });
});
