// Queue, PriorityQueue and LifoQueue: conformance/queues programs ported to the shape of emitted code.

import { describe, expect, it } from 'vitest';
import { conformance, runPorted } from './ported-program.js';

describe('conformance/queues', () => {
  conformance('queues', 'queue_getters_woken_in_fifo_order', async ({ asyncio, print }) => {
    const { coro, aw } = asyncio;
    type Queue = InstanceType<typeof asyncio.Queue>;
    async function getter(q: Queue, name: string) {
      print(`${name} waiting`);
      const item = await q.get();
      print(`${name} got ${item}`);
    }
    async function main() {
      const q = new asyncio.Queue();
      const ts = ['g1', 'g2', 'g3'].map((n) => asyncio.createTask(coro(getter, q, n)));
      await asyncio.sleep(0);
      q.putNowait('first');
      q.putNowait('second');
      await asyncio.sleep(0);
      q.putNowait('third');
      print('main steals', q.getNowait(), 'before g3 runs');
      await asyncio.sleep(0);
      print('g3 done:', ts[2]!.done());
      q.putNowait('fourth');
      await aw(asyncio.gather(...ts));
    }
    await asyncio.run(coro(main));
  });

  conformance('queues', 'queue_put_blocks_when_full', async ({ asyncio, print, str }) => {
    const { coro, aw } = asyncio;
    type Queue = InstanceType<typeof asyncio.Queue>;
    async function producer(q: Queue) {
      for (let i = 0; i < 4; i++) {
        print(`put ${i} ...`);
        await q.put(i);
        print(`put ${i} done, qsize=${q.qsize()}`);
      }
      print('producer finished');
    }
    async function consumer(q: Queue) {
      for (let i = 0; i < 4; i++) {
        const item = await q.get();
        print(`got ${item}, qsize=${q.qsize()}`);
        await asyncio.sleep(0);
      }
    }
    async function main() {
      const q = new asyncio.Queue({ maxsize: 2 });
      const p = asyncio.createTask(coro(producer, q));
      const c = asyncio.createTask(coro(consumer, q));
      await aw(asyncio.gather(p, c));
      print('final:', str(q));
    }
    await asyncio.run(coro(main));
  });

  conformance('queues', 'queue_join_waits_for_every_task_done', async ({ asyncio, print, str }) => {
    const { coro } = asyncio;
    type Queue = InstanceType<typeof asyncio.Queue>;
    async function worker(q: Queue) {
      for (;;) {
        const item = await q.get();
        await asyncio.sleep(0);
        q.taskDone();
        print(`worker: done ${item}`);
      }
    }
    async function main() {
      const q = new asyncio.Queue();
      await q.join();
      print('join on a fresh queue returned at once');
      for (let i = 0; i < 3; i++) q.putNowait(i);
      const w = asyncio.createTask(coro(worker, q));
      print('main: joining');
      await q.join();
      print('main: join returned; unfinished ->', str(q));
      w.cancel();
      await asyncio.sleep(0);
      print('worker cancelled:', w.cancelled());
    }
    await asyncio.run(coro(main));
  });

  conformance('queues', 'queue_task_done_too_many_times', async ({ asyncio, print, str }) => {
    const { coro } = asyncio;
    async function main() {
      const q = new asyncio.Queue();
      q.putNowait('only');
      print('got', await q.get());
      q.taskDone();
      print('one task_done is fine; unfinished work left:', str(q));
      q.taskDone();
    }
    await asyncio.run(coro(main));
  });
});

describe('queues', () => {
  it('returns items by priority from a PriorityQueue and newest first from a LifoQueue', async () => {
    const result = await runPorted(async ({ asyncio, print, str }) => {
      const pq = new asyncio.PriorityQueue<number>();
      for (const x of [5, 1, 4, 1, 3]) pq.putNowait(x);
      const lq = new asyncio.LifoQueue<string>(3);
      for (const x of 'abc') lq.putNowait(x);
      print(str(lq), lq.full());
      print(
        [1, 2, 3, 4, 5].map(() => pq.getNowait()),
        [1, 2, 3].map(() => lq.getNowait()),
      );
    });
    expect(result.stdout).toBe(
      "<LifoQueue maxsize=3 _queue=['a', 'b', 'c'] tasks=3> True\n[1, 1, 3, 4, 5] ['c', 'b', 'a']\n",
    );
  });

  it('passes a wake-up on when the woken getter is cancelled before it runs', async () => {
    const result = await runPorted(async ({ asyncio, print }) => {
      const { coro, aw } = asyncio;
      async function main() {
        const q = new asyncio.Queue<string>();
        const first = asyncio.createTask(coro(q.get.bind(q)));
        const second = asyncio.createTask(coro(q.get.bind(q)));
        await asyncio.sleep(0);
        q.putNowait('x');
        first.cancel();
        print(await aw(second), first.cancelled());
      }
      await asyncio.run(coro(main));
    });
    expect(result.stdout).toBe('x True\n');
  });
});
