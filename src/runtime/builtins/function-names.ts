// What a translated module tells the runtime about its functions: the Python name (reprs, callback messages and
// warnings say `do_work`, not `doWork`) and, for coroutine functions, where the `def` is (task reprs say
// `defined at /path/file.py:5`). Read back by asyncio's reprs through `__qualname__`, `__co_filename__` and
// `__co_firstlineno__` (src/runtime/asyncio/README.md).
import { resolve } from 'node:path';

type Described = Function & {
  __qualname__?: string;
  __co_filename__?: string;
  __co_firstlineno__?: number;
  __signature__?: string;
};

/** `pythonFunctions("app.py", [doWork, "do_work", 8], …)`: the file as pyts was given it, then function, name, line,
 *  and for a function called with keywords only known at run time its Python signature (builtins/signature.ts). */
export function pythonFunctions(file: string, ...functions: [fn: Function, name: string, line: number, signature?: string][]): void {
  const path = resolve(file);
  for (const [fn, name, line, signature] of functions) {
    const described = fn as Described;
    if (name !== fn.name) described.__qualname__ = name;
    if (signature !== undefined) described.__signature__ = signature;
    described.__co_filename__ = path;
    described.__co_firstlineno__ = line;
  }
}
