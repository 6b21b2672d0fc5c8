// Ports of conformance/errors: "never retrieved", callback errors, exception handlers, SystemExit in a callback.

import { describe } from 'vitest';
import { conformance } from './ported-program.js';

type Ctx = import('../../../src/runtime/builtins/dict.js').PyDict<string, unknown>;

describe('conformance/errors', () => {
  conformance('errors', 'done_callback_exception_default_handler', async ({ asyncio, print }) => {
    const { coro } = asyncio;
    const { dict } = await import('../../../src/runtime/builtins/dict.js');
    type F = InstanceType<typeof asyncio.Future>;
    function badCallback(fut: F) {
      print('bad_callback runs, result was', fut.result());
      dict().getItem('no-such-key');
    }
    async function main() {
      const loop = asyncio.getRunningLoop();
      const fut = loop.createFuture() as F;
      fut.addDoneCallback(badCallback);
      fut.addDoneCallback(() => print('next callback still runs'));
      fut.setResult('ok');
      loop.callSoon(print, 'a call_soon queued after them runs too');
      await asyncio.sleep(0);
      print('main resumed; exit status will be 0');
    }
    await asyncio.run(coro(main));
  });

  conformance('errors', 'exception_handler_context_keys', async ({ asyncio, print, repr, py }) => {
    const { coro } = asyncio;
    const { dict } = await import('../../../src/runtime/builtins/dict.js');
    type Loop = InstanceType<typeof asyncio.BaseEventLoop>;
    function handler(loop: InstanceType<typeof asyncio.AbstractEventLoop>, context: Ctx) {
      const message = String(context.getItem('message')).split(' at ')[0];
      print('handler got loop:', loop === asyncio.getRunningLoop());
      print('  keys:', repr([...context.keys()].sort()));
      print('  message:', message);
      if (context.has('exception')) print('  exception:', repr(context.getItem('exception')));
    }
    function failing_callback(x: number) {
      print('failing_callback', x);
      throw new py.TypeError('callback broke');
    }
    async function main() {
      const loop = asyncio.getRunningLoop() as Loop;
      print('default handler installed:', loop.getExceptionHandler() === null);
      loop.setExceptionHandler(handler);
      print('custom handler installed:', loop.getExceptionHandler() === handler);
      loop.callSoon(failing_callback, 7);
      await asyncio.sleep(0);
      loop.callExceptionHandler(
        dict<string, unknown>([
          ['message', 'manual report'],
          ['detail', [1, 2]],
          ['exception', new py.OSError(5, 'io')],
        ]),
      );
      print('main done');
    }
    await asyncio.run(coro(main));
  });

  conformance('errors', 'handler_delegates_to_default', async ({ asyncio, print, py }) => {
    const { coro } = asyncio;
    const { dict } = await import('../../../src/runtime/builtins/dict.js');
    const { int } = await import('../../../src/runtime/builtins/conversions.js');
    type Loop = InstanceType<typeof asyncio.BaseEventLoop>;
    function handler(loop: InstanceType<typeof asyncio.AbstractEventLoop>, context: Ctx) {
      print('custom handler saw:', context.getItem('message'));
      loop.defaultExceptionHandler(context);
      print('default handler returned');
    }
    async function main() {
      const loop = asyncio.getRunningLoop() as Loop;
      loop.setExceptionHandler(handler);
      loop.callExceptionHandler(dict<string, unknown>([['message', 'first: no exception attached']]));
      try {
        int('forty-two');
      } catch (e) {
        if (!(e instanceof py.ValueError)) throw e;
        loop.callExceptionHandler(
          dict<string, unknown>([
            ['message', 'second: with exception'],
            ['exception', e],
          ]),
        );
      }
      print('main done');
    }
    await asyncio.run(coro(main));
  });

  conformance('errors', 'retrieved_exceptions_are_not_reported', async ({ asyncio, print, py, str, repr }) => {
    const { coro, aw } = asyncio;
    const reports: [string, string][] = [];
    async function fail(tag: string) {
      throw new py.RuntimeError(tag);
    }
    async function main() {
      const loop = asyncio.getRunningLoop() as InstanceType<typeof asyncio.BaseEventLoop>;
      loop.setExceptionHandler((_lp, ctx: Ctx) => {
        reports.push([str(ctx.getItem('message')), str(ctx.getItem('exception'))]);
      });
      const awaited = asyncio.createTask(coro(fail, 'awaited'));
      const checked = asyncio.createTask(coro(fail, 'checked'));
      const ignored = asyncio.createTask(coro(fail, 'ignored'));
      const fut = loop.createFuture();
      fut.setException(new py.RuntimeError('plain future'));
      try {
        await aw(awaited);
      } catch (e) {
        if (!(e instanceof py.RuntimeError)) throw e;
        print('awaited raised', str(e));
      }
      print('checked.exception():', repr(checked.exception()));
      print('ignored.done():', ignored.done(), 'fut.done():', fut.done());
      print('main done');
    }
    await asyncio.run(coro(main));
    for (const [message, exc] of reports.sort()) print('report:', message, '|', exc);
  });

  conformance('errors', 'shutdown_cleanup_error_reported', async ({ asyncio, print, repr, py }) => {
    const { coro } = asyncio;
    type Loop = InstanceType<typeof asyncio.BaseEventLoop>;
    async function messy() {
      try {
        await asyncio.sleep(1);
      } finally {
        print('messy cleanup raising');
        throw new py.ConnectionResetError('peer gone during cleanup');
      }
    }
    function handler(loop: InstanceType<typeof asyncio.AbstractEventLoop>, context: Ctx) {
      print('handler:', context.getItem('message'), '| keys:', repr([...context.keys()].sort()));
      print('  exception:', repr(context.getItem('exception')));
      loop.defaultExceptionHandler(context);
    }
    async function main() {
      (asyncio.getRunningLoop() as Loop).setExceptionHandler(handler);
      asyncio.createTask(coro(messy));
      await asyncio.sleep(0);
      print('main returns');
    }
    await asyncio.run(coro(main));
    print('asyncio.run returned normally');
  });

  conformance('errors', 'system_exit_in_callback_exits', async ({ asyncio, print, repr, py }) => {
    const { coro } = asyncio;
    function fatal() {
      print('fatal callback raising SystemExit');
      throw new py.SystemExit('fatal: configuration missing');
    }
    async function main() {
      asyncio.getRunningLoop().callSoon(fatal);
      try {
        await asyncio.sleep(1);
      } finally {
        print('main finally runs during shutdown, cancelled:', asyncio.currentTask()!.cancelling() > 0);
      }
    }
    try {
      await asyncio.run(coro(main));
    } catch (e) {
      if (!(e instanceof py.SystemExit)) throw e;
      print('caught at top level:', repr(e.code));
      throw e;
    }
  });

  conformance('errors', 'task_exception_never_retrieved', async ({ asyncio, print, py }) => {
    const { coro } = asyncio;
    async function boom() {
      await asyncio.sleep(0);
      print('boom raising');
      throw new py.ValueError('nobody is listening');
    }
    async function main() {
      asyncio.createTask(coro(boom));
      for (let i = 0; i < 3; i++) {
        await asyncio.sleep(0);
        print('main tick', i);
      }
      print('main finishes normally');
    }
    await asyncio.run(coro(main));
    print('exit status stays 0');
  });
});

describe('conformance/errors (never awaited)', () => {
  conformance('errors', 'unawaited_coroutine_runtime_warning', async ({ asyncio, print, repr }) => {
    const { coro } = asyncio;
    const calls: string[] = [];
    async function save(record: string) {
      calls.push(record);
    }
    async function main() {
      coro(save, 'forgotten');
      print('after the forgotten call, body ran:', repr(calls));
      await save('awaited');
      print('after the awaited call, body ran:', repr(calls));
    }
    await asyncio.run(coro(main));
    print('program ends normally');
  });
});
