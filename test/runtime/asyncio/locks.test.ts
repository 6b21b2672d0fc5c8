// Lock, Event, Condition, Semaphore, BoundedSemaphore and Barrier: conformance/sync programs ported to the shape of
// emitted code, and the primitives' own contracts.

import { describe, expect, it } from 'vitest';
import { conformance, runPorted } from './ported-program.js';

describe('conformance/sync', () => {
  conformance('sync', 'lock_waiter_cancelled_passes_lock_on', async ({ asyncio, print, typeName }) => {
    const { coro, aw } = asyncio;
    type Lock = InstanceType<typeof asyncio.Lock>;
    async function worker(lock: Lock, name: string) {
      try {
        await lock.__aenter__();
        try {
          print(`${name} holds`);
          await asyncio.sleep(0);
        } finally {
          await lock.__aexit__(null, null, null);
        }
        print(`${name} released`);
      } catch (e) {
        if (e instanceof asyncio.CancelledError)
          print(`${name} cancelled while waiting; locked = ${lock.locked() ? 'True' : 'False'}`);
        throw e;
      }
    }
    async function main() {
      const lock = new asyncio.Lock();
      await lock.acquire();
      const [a, b, c] = ['A', 'B', 'C'].map((n) => asyncio.createTask(coro(worker, lock, n)));
      await asyncio.sleep(0);
      b!.cancel();
      await asyncio.sleep(0);
      lock.release();
      a!.cancel();
      const results = (await aw(asyncio.gather(a, b, c, { returnExceptions: true }))) as unknown[];
      print(
        results.map((r) => (r === null || r === undefined ? 'NoneType' : typeName(r))),
        'locked =',
        lock.locked(),
      );
    }
    await asyncio.run(coro(main));
  });

  conformance('sync', 'semaphore_admits_waiters_fifo', async ({ asyncio, print }) => {
    const { coro, aw } = asyncio;
    type Semaphore = InstanceType<typeof asyncio.Semaphore>;
    async function job(sem: Semaphore, name: string, steps: number) {
      print(`${name} wants a slot; locked = ${sem.locked() ? 'True' : 'False'}`);
      await sem.__aenter__();
      try {
        print(`${name} in`);
        for (let i = 0; i < steps; i++) await asyncio.sleep(0);
        print(`${name} out`);
      } finally {
        await sem.__aexit__(null, null, null);
      }
    }
    async function main() {
      const sem = new asyncio.Semaphore(2);
      const plan: [string, number][] = [
        ['A', 1],
        ['B', 3],
        ['C', 1],
        ['D', 1],
      ];
      const ts = plan.map(([n, s]) => asyncio.createTask(coro(job, sem, n, s)));
      await asyncio.sleep(0);
      await asyncio.sleep(0);
      print('main: locked =', sem.locked());
      await sem.acquire();
      print('main got a slot last');
      sem.release();
      await aw(asyncio.gather(...ts));
      print('final locked =', sem.locked());
    }
    await asyncio.run(coro(main));
  });

  conformance('sync', 'condition_notify_n_then_notify_all', async ({ asyncio, print, py }) => {
    const { coro, aw } = asyncio;
    type Condition = InstanceType<typeof asyncio.Condition>;
    async function consumer(cond: Condition, name: string) {
      await cond.__aenter__();
      try {
        print(`${name} waiting`);
        await cond.wait();
        print(`${name} notified, locked = ${cond.locked() ? 'True' : 'False'}`);
        await asyncio.sleep(0);
        print(`${name} leaves`);
      } finally {
        await cond.__aexit__(null, null, null);
      }
    }
    async function main() {
      const cond = new asyncio.Condition();
      const ts = ['c1', 'c2', 'c3', 'c4'].map((n) => asyncio.createTask(coro(consumer, cond, n)));
      await asyncio.sleep(0);
      try {
        cond.notify();
      } catch (e) {
        if (!(e instanceof py.RuntimeError)) throw e;
        print('RuntimeError:', e);
      }
      await cond.__aenter__();
      try {
        cond.notify(2);
        print('notified 2; main still holds the lock');
        await asyncio.sleep(0);
        print('main releases');
      } finally {
        await cond.__aexit__(null, null, null);
      }
      await aw(asyncio.gather(ts[0], ts[1]));
      print('--- notify_all');
      await cond.__aenter__();
      cond.notifyAll();
      await cond.__aexit__(null, null, null);
      await aw(asyncio.gather(...ts));
    }
    await asyncio.run(coro(main));
  });

  conformance('sync', 'barrier_wait_returns_arrival_index', async ({ asyncio, print }) => {
    const { coro, aw } = asyncio;
    type Barrier = InstanceType<typeof asyncio.Barrier>;
    async function party(b: Barrier, name: string, rounds: number) {
      for (let r = 0; r < rounds; r++) {
        print(`round ${r}: ${name} arrives; n_waiting = ${b.nWaiting}`);
        const i = await b.wait();
        print(`round ${r}: ${name} passes with index ${i}`);
      }
    }
    async function main() {
      const b = new asyncio.Barrier(3);
      print('parties =', b.parties, '| broken =', b.broken, '| n_waiting =', b.nWaiting);
      const ts = ['A', 'B', 'C'].map((n) => asyncio.createTask(coro(party, b, n, 2)));
      await aw(asyncio.gather(...ts));
      print('end: n_waiting =', b.nWaiting, '| broken =', b.broken);
    }
    await asyncio.run(coro(main));
  });
});

describe('locks', () => {
  it('takes keyword-style constructor arguments as the translator passes them', async () => {
    const result = await runPorted(async ({ asyncio, print }) => {
      print(new asyncio.Semaphore({ value: 3 })._value, new asyncio.BoundedSemaphore({ value: 2 })._boundValue);
      print(new asyncio.Barrier({ parties: 4 }).parties);
    });
    expect(result.stdout).toBe('3 2\n4\n');
  });

  it('shows state and waiter count in reprs, as CPython does', async () => {
    const result = await runPorted(async ({ asyncio, print, repr }) => {
      const { coro } = asyncio;
      async function main() {
        const lock = new asyncio.Lock();
        await lock.acquire();
        asyncio.createTask(coro(lock.acquire.bind(lock)));
        await asyncio.sleep(0);
        print(repr(lock).replace(/0x[0-9a-f]+/, 'ADDR'));
        print(repr(new asyncio.Semaphore(2)).replace(/0x[0-9a-f]+/, 'ADDR'));
        const ev = new asyncio.Event();
        ev.set();
        print(repr(ev).replace(/0x[0-9a-f]+/, 'ADDR'));
        print(repr(new asyncio.Barrier(3)).replace(/0x[0-9a-f]+/, 'ADDR'));
        lock.release();
      }
      await asyncio.run(coro(main));
    });
    expect(result.stdout).toBe(
      '<asyncio.locks.Lock object at ADDR [locked, waiters:1]>\n' +
        '<asyncio.locks.Semaphore object at ADDR [unlocked, value:2]>\n' +
        '<asyncio.locks.Event object at ADDR [set]>\n' +
        '<asyncio.locks.Barrier object at ADDR [filling, waiters:0/3]>\n',
    );
  });

  it('refuses to wait on a loop other than the one it is bound to', async () => {
    const result = await runPorted(async ({ asyncio, print, py }) => {
      const { coro } = asyncio;
      const ev = new asyncio.Event();
      async function waitBriefly() {
        asyncio.getRunningLoop().callSoon(ev.set.bind(ev));
        await ev.wait();
        ev.clear();
      }
      await asyncio.run(coro(waitBriefly));
      try {
        await asyncio.run(coro(waitBriefly));
      } catch (e) {
        if (!(e instanceof py.RuntimeError)) throw e;
        print(String(e.__str__()).replace(/0x[0-9a-f]+/, 'ADDR'));
      }
    });
    expect(result.stdout).toBe('<asyncio.locks.Event object at ADDR [unset]> is bound to a different event loop\n');
  });
});
