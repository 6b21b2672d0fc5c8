// Ports of conformance/tasks: start order, states, callbacks, names, current_task/all_tasks.

import { describe } from 'vitest';
import { conformance } from './ported-program.js';

describe('conformance/tasks', () => {
  conformance('tasks', 'create_task_starts_next_iteration_fifo', async ({ asyncio, print }) => {
    const { coro } = asyncio;
    async function job(name: string) {
      print('start', name);
      await asyncio.sleep(0);
      print('resume', name);
    }
    async function main() {
      const loop = asyncio.getRunningLoop();
      const a = asyncio.createTask(coro(job, 'a'));
      print('created a');
      const b = asyncio.ensureFuture(coro(job, 'b'));
      print('created b');
      const c = (loop as InstanceType<typeof asyncio.BaseEventLoop>).createTask(coro(job, 'c'));
      print('created c, none started yet');
      await asyncio.sleep(0);
      print('main after first sleep(0)');
      await asyncio.sleep(0);
      print('main after second sleep(0)');
      print('all done:', a.done(), b.done(), c.done());
    }
    await asyncio.run(coro(main));
  });

  conformance('tasks', 'current_task_and_all_tasks', async ({ asyncio, print, py, str, repr }) => {
    const { coro, aw } = asyncio;
    const names = () => repr([...asyncio.allTasks()].map((t) => t.getName()).sort());
    async function child(name: string, ticks: number) {
      print(name, 'current_task name:', asyncio.currentTask()!.getName());
      for (let i = 0; i < ticks; i++) await asyncio.sleep(0);
    }
    async function main() {
      const mainTask = asyncio.currentTask();
      print('main is current:', mainTask!.getName());
      const a = asyncio.createTask(coro(child, 'a', 1), { name: 'child-a' });
      const b = asyncio.createTask(coro(child, 'b', 3), { name: 'child-b' });
      print('all_tasks:', names());
      await aw(a);
      print('after a finished:', names());
      await aw(b);
      print('after b finished:', names());
      print('current_task still main:', asyncio.currentTask() === mainTask, '| a in all_tasks:', asyncio.allTasks().has(a));
    }
    try {
      asyncio.currentTask();
    } catch (e) {
      if (!(e instanceof py.RuntimeError)) throw e;
      print('current_task() with no loop:', e.constructor.name, str(e));
    }
    await asyncio.run(coro(main));
  });

  conformance('tasks', 'done_callback_on_finished_task_is_deferred', async ({ asyncio, print }) => {
    const { coro } = asyncio;
    async function quick() {
      return 'q';
    }
    async function main() {
      const loop = asyncio.getRunningLoop();
      const t = asyncio.createTask(coro(quick));
      await asyncio.sleep(0);
      print('task done:', t.done());
      loop.callSoon(print, 'earlier call_soon');
      t.addDoneCallback((fut) => print('done callback sees', fut.result(), fut === t));
      loop.callSoon(print, 'later call_soon');
      print('after add_done_callback, nothing ran yet');
      await asyncio.sleep(0);
      print('main resumed');
    }
    await asyncio.run(coro(main));
  });

  conformance('tasks', 'done_callbacks_order_and_removal', async ({ asyncio, print }) => {
    const { coro } = asyncio;
    const cbA = (t: InstanceType<typeof asyncio.Task>) => print('cb_a', t.result());
    const cbB = (t: InstanceType<typeof asyncio.Task>) => print('cb_b', t.result());
    const cbC = () => print('cb_c (should never run)');
    async function work() {
      await asyncio.sleep(0);
      print('work returns');
      return 42;
    }
    async function main() {
      const t = asyncio.createTask(coro(work));
      t.addDoneCallback(cbA);
      t.addDoneCallback(cbB);
      t.addDoneCallback(cbC);
      t.addDoneCallback(cbA);
      t.addDoneCallback(cbC);
      print('removed cb_c:', t.removeDoneCallback(cbC));
      print('removed cb_c again:', t.removeDoneCallback(cbC));
      for (let i = 0; i < 4; i++) {
        await asyncio.sleep(0);
        print('main tick', i, 'done:', t.done());
      }
    }
    await asyncio.run(coro(main));
  });

  conformance('tasks', 'result_before_done_invalid_state', async ({ asyncio, print, str, py }) => {
    const { coro } = asyncio;
    async function work() {
      await asyncio.sleep(0);
      return 1;
    }
    async function main() {
      const t = asyncio.createTask(coro(work));
      try {
        t.exception();
      } catch (e) {
        if (!(e instanceof asyncio.InvalidStateError)) throw e;
        print('exception():', e.constructor.name, str(e));
      }
      print('is also a plain Exception:', new asyncio.InvalidStateError() instanceof py.Exception);
      print('calling result() too early');
      t.result();
    }
    await asyncio.run(coro(main));
  });

  conformance('tasks', 'task_awaiting_task_wakeup_order', async ({ asyncio, print }) => {
    const { coro, aw } = asyncio;
    async function producer() {
      print('producer start');
      await asyncio.sleep(0);
      await asyncio.sleep(0);
      print('producer returns');
      return 'P';
    }
    async function consumer(name: string, target: InstanceType<typeof asyncio.Task>) {
      print(name, 'awaits producer');
      const value = await aw(target);
      print(name, 'woke with', value);
    }
    async function bystander() {
      for (let i = 0; i < 4; i++) {
        print('bystander tick', i);
        await asyncio.sleep(0);
      }
    }
    async function main() {
      const p = asyncio.createTask(coro(producer));
      const cs = ['c1', 'c2', 'c3'].map((n) => asyncio.createTask(coro(consumer, n, p)));
      const by = asyncio.createTask(coro(bystander));
      await aw(asyncio.gather(...cs, by));
    }
    await asyncio.run(coro(main));
  });

  conformance('tasks', 'task_counter_spans_asyncio_run_calls', async ({ asyncio, print }) => {
    const { coro, aw } = asyncio;
    async function nap() {
      await asyncio.sleep(0);
    }
    async function main(label: string) {
      const t = asyncio.createTask(coro(nap));
      print(label, 'main:', asyncio.currentTask()!.getName(), 'child:', t.getName());
      await aw(t);
    }
    await asyncio.run(coro(main, 'first'));
    await asyncio.run(coro(main, 'second'));
    const loop = asyncio.newEventLoop() as InstanceType<typeof asyncio.BaseEventLoop>;
    const task = loop.createTask(coro(nap));
    print('manual loop task:', task.getName());
    await loop.runUntilComplete(task);
    loop.close();
    await asyncio.run(coro(main, 'third'));
  });

  conformance('tasks', 'task_is_future_subclass', async ({ asyncio, print, str, py }) => {
    const { coro, aw } = asyncio;
    async function compute() {
      await asyncio.sleep(0);
      return 5;
    }
    async function main() {
      const t = asyncio.createTask(coro(compute));
      print('issubclass(Task, Future):', asyncio.Task.prototype instanceof asyncio.Future);
      print('isinstance(t, Future):', t instanceof asyncio.Future);
      print('isfuture(t):', asyncio.isfuture(t));
      print('get_loop() is running loop:', t.getLoop() === asyncio.getRunningLoop());
      const calls: [string, () => void][] = [
        ['set_result', () => t.setResult(1)],
        ['set_exception', () => t.setException(new py.ValueError())],
      ];
      for (const [name, call] of calls) {
        try {
          call();
        } catch (e) {
          print(name, '->', (e as object).constructor.name, str(e));
        }
      }
      print('await t ->', await aw(t));
      print('await t again ->', await aw(t));
    }
    await asyncio.run(coro(main));
  });

  conformance('tasks', 'task_names_counter_and_set_name', async ({ asyncio, print, repr }) => {
    const { coro, aw } = asyncio;
    async function nap() {
      await asyncio.sleep(0);
    }
    async function main() {
      const loop = asyncio.getRunningLoop() as InstanceType<typeof asyncio.BaseEventLoop>;
      print('main:', asyncio.currentTask()!.getName());
      const a = asyncio.createTask(coro(nap));
      const b = asyncio.createTask(coro(nap), { name: 'via-asyncio' });
      const c = asyncio.ensureFuture(coro(nap)) as InstanceType<typeof asyncio.Task>;
      const d = loop.createTask(coro(nap), { name: 'via-loop' });
      const e = loop.createTask(coro(nap));
      print(repr([a, b, c, d, e].map((t) => t.getName())));
      a.setName('renamed');
      e.setName(99);
      print(a.getName(), repr(e.getName()));
      await aw(asyncio.gather(a, b, c, d, e));
      print('next default:', asyncio.createTask(coro(nap)).getName());
    }
    await asyncio.run(coro(main));
  });

  conformance('tasks', 'task_states_lifecycle', async ({ asyncio, print, repr, py, str }) => {
    const { coro } = asyncio;
    async function ok() {
      await asyncio.sleep(0);
      return 'value';
    }
    async function bad() {
      await asyncio.sleep(0);
      throw new py.KeyError('k');
    }
    function show(label: string, t: InstanceType<typeof asyncio.Task>) {
      let line = `${label}: done=${str(t.done())} cancelled=${str(t.cancelled())}`;
      if (t.done()) {
        const exc = t.exception();
        line += ` exception=${repr(exc)}`;
        if (exc === null) line += ` result=${repr(t.result())}`;
      }
      print(line);
    }
    async function main() {
      const t1 = asyncio.createTask(coro(ok));
      const t2 = asyncio.createTask(coro(bad));
      show('t1 created', t1);
      await asyncio.sleep(0);
      show('t1 suspended', t1);
      await asyncio.sleep(0);
      show('t1 finished', t1);
      show('t2 finished', t2);
      try {
        t2.result();
      } catch (e) {
        if (!(e instanceof py.KeyError)) throw e;
        print('t2.result() raises', e.constructor.name, str(e));
      }
    }
    await asyncio.run(coro(main));
  });
});
