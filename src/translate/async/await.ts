// `await`. Python's `await coro()` runs the coroutine inside the current task step; a native call of the async
// function does the same, so a call of a known coroutine function stays `await f(x)`. Everything else (tasks,
// futures, stored coroutine objects, gather's future, unknown callees) goes through the runtime's `aw`, which
// parks the task on a future or starts a coroutine object inline (docs/emitted-code.md).
import type * as ast from '../../parse/ast.js';
import { awaitedCallBoundAtRunTime, directCall, planCall } from '../expressions/calls.js';
import type { TranslateContext } from '../context.js';
import { expr, Untranslatable } from '../expressions/index.js';

export function translateAwait(e: ast.Await, ctx: TranslateContext): string {
  if (!ctx.frame.isAsync) throw new Untranslatable("'await' outside an async function", e);
  const aw = () => ctx.rt('aw', 'asyncio');
  const v = e.value;
  // `await func(*args, **kwargs)` in a decorator's wrapper, `await fetch(k, retries=2)` of a decorated function:
  // the keywords are bound at run time, and the call runs now
  const bound = v.kind === 'Call' ? awaitedCallBoundAtRunTime(v, ctx) : null;
  if (bound !== null) return `(await ${aw()}(() => ${bound}))`;
  if (v.kind === 'Call') {
    const plan = planCall(v, ctx);
    switch (plan.kind) {
      case 'coroutine':
        return `(await ${directCall(plan)})`;
      case 'unknown':
        return `(await ${aw()}(() => ${directCall(plan)}))`;
      case 'loop-entry':
        // the runtime raises CPython's RuntimeError: the loop is already running
        return `(await ${directCall(plan)})`;
      case 'plain':
        return `(await ${aw()}(${directCall(plan)}))`;
    }
  }
  return `(await ${aw()}(${expr(v, ctx)}))`;
}
