// Ports of conformance/run: asyncio.run / Runner, leftover tasks, exit codes.

import { describe } from 'vitest';
import { conformance } from './ported-program.js';

describe('conformance/run', () => {
  conformance('run', 'leftover_tasks_cancelled_at_exit', async ({ asyncio, print }) => {
    const { coro } = asyncio;
    async function spinner(name: string) {
      let ticks = 0;
      try {
        for (;;) {
          await asyncio.sleep(0);
          ticks += 1;
        }
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print(name, 'cancelled at shutdown');
        throw e;
      } finally {
        print(name, 'finally, ticks >= 2:', ticks >= 2);
      }
    }
    async function main() {
      for (const name of ['s1', 's2', 's3']) asyncio.createTask(coro(spinner, name));
      await asyncio.sleep(0);
      await asyncio.sleep(0);
      await asyncio.sleep(0);
      print('main returns with', asyncio.allTasks().size - 1, 'tasks pending');
      return 'main-result';
    }
    print('asyncio.run ->', await asyncio.run(coro(main)));
  });

  conformance('run', 'main_raises_exit_code_1', async ({ asyncio, print }) => {
    const { coro } = asyncio;
    const { dict } = await import('../../../src/runtime/builtins/dict.js');
    const { getItem } = await import('../../../src/runtime/builtins/sequences.js');
    async function lookup(table: unknown, key: string) {
      await asyncio.sleep(0);
      return getItem(table as never, key);
    }
    async function main() {
      const table = dict([['present', 1]]);
      print('present ->', await lookup(table, 'present'));
      print("looking up 'missing'");
      return await lookup(table, 'missing');
    }
    try {
      await asyncio.run(coro(main));
    } finally {
      print('finally after asyncio.run');
    }
  });

  conformance('run', 'run_inside_running_loop_error', async ({ asyncio, print, py, str }) => {
    const { coro } = asyncio;
    async function inner() {
      print('inner body (must not appear)');
    }
    async function main() {
      const c = coro(inner);
      try {
        await asyncio.run(c);
      } catch (e) {
        if (!(e instanceof py.RuntimeError)) throw e;
        print(e.constructor.name, '|', str(e));
      } finally {
        c.close();
      }
      print('outer loop still running:', asyncio.getRunningLoop().isRunning());
      return 'outer ok';
    }
    print(await asyncio.run(coro(main)));
  });

  conformance('run', 'run_rejects_non_coroutine', async ({ asyncio, print, py, str }) => {
    class Awaitable {
      __repr__() {
        return '<Awaitable>';
      }
    }
    for (const bad of [42, null, new Awaitable()]) {
      try {
        await asyncio.run(bad as never);
      } catch (e) {
        if (!(e instanceof py.ValueError)) throw e;
        print('ValueError:', str(e));
      }
    }
    await asyncio.run('main()' as never);
  });

  conformance('run', 'run_returns_value_fresh_loop_each_time', async ({ asyncio, print }) => {
    const { coro } = asyncio;
    const { dict } = await import('../../../src/runtime/builtins/dict.js');
    const loops: InstanceType<typeof asyncio.AbstractEventLoop>[] = [];
    async function compute(x: number) {
      loops.push(asyncio.getRunningLoop());
      await asyncio.sleep(0);
      return dict<string, number>([
        ['x', x],
        ['squared', x * x],
      ]);
    }
    const first = await asyncio.run(coro(compute, 3));
    print('first ->', first);
    const second = await asyncio.run(coro(compute, 4));
    print('second ->', second);
    print('returns None when main does:', await asyncio.run(coro(asyncio.sleep, 0)));
    print('distinct loops:', loops[0] !== loops[1], '| both closed:', loops[0]!.isClosed(), loops[1]!.isClosed());
  });

  conformance('run', 'runner_reuses_one_loop', async ({ asyncio, print, repr }) => {
    const { coro } = asyncio;
    async function background() {
      try {
        for (;;) await asyncio.sleep(0);
      } finally {
        print('background finally at runner close');
      }
    }
    async function step(label: string, spawn = false) {
      if (spawn) asyncio.createTask(coro(background), { name: 'bg' });
      await asyncio.sleep(0);
      const names = [...asyncio.allTasks()].map((t) => t.getName()).sort();
      print(label, 'tasks:', repr(names));
      return asyncio.getRunningLoop();
    }
    const runner = new asyncio.Runner();
    let l1;
    try {
      l1 = await runner.run(coro(step, 'first', true));
      const l2 = await runner.run(coro(step, 'second'));
      print('same loop:', l1 === l2 && l2 === runner.getLoop(), '| closed:', l1.isClosed());
    } finally {
      await runner.close();
    }
    print('after with: closed:', l1.isClosed());
  });

  conformance('run', 'system_exit_in_main_sets_exit_code', async ({ asyncio, print, py }) => {
    const { coro } = asyncio;
    async function helper() {
      try {
        await asyncio.sleep(1);
      } finally {
        print('helper finally');
      }
    }
    async function main() {
      asyncio.createTask(coro(helper));
      await asyncio.sleep(0);
      print('main raising SystemExit(3)');
      throw new py.SystemExit(3);
    }
    try {
      await asyncio.run(coro(main));
    } finally {
      print('asyncio.run left via SystemExit');
    }
  });
});
