// loop.add_reader/add_writer/remove_reader/remove_writer on something the runtime cannot watch: Node reports the
// readiness of the sockets the runtime makes (socket.socketpair()) and of stdin, not of another descriptor given as a
// number, a file from open()/os.open() or the output streams. Those calls are PYTS4005 where pyts can see them; the
// runtime raises CPython's error (PermissionError for a regular file) or NotImplementedError for the rest.
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';

export const READINESS_METHODS: ReadonlySet<string> = new Set([
  'add_reader',
  'add_writer',
  'remove_reader',
  'remove_writer',
]);

// stdin is watchable (a pipe or a terminal); the output streams are not
const OUTPUT_STREAMS = new Set(['stdout', 'stderr', '__stdout__', '__stderr__']);

/** What `target` is, when it is visibly a descriptor the runtime cannot watch; null otherwise. */
export function unwatchableDescriptor(target: ast.Expr | undefined, ctx: TranslateContext): string | null {
  if (target === undefined) return null;
  const types = ctx.analysis.types;
  // descriptor 0 is stdin
  if (target.kind === 'Constant' && target.value.type === 'int' && target.value.value !== 0n) {
    return 'a file descriptor given as a number';
  }
  if (target.kind === 'Attribute' && target.value.kind === 'Name' && types.isModule(target.value, 'sys')) {
    return OUTPUT_STREAMS.has(target.attr.id) ? `'sys.${target.attr.id}'` : null;
  }
  if (target.kind !== 'Call') return null;
  const f = target.func;
  if (f.kind === 'Name' && f.id === 'open' && !types.bindingOf(f)) return "a file from 'open()'";
  if (f.kind !== 'Attribute') return null;
  if (f.attr.id === 'open' && f.value.kind === 'Name' && types.isModule(f.value, 'os'))
    return "a file from 'os.open()'";
  if (f.attr.id === 'fileno' && target.args.length === 0) return unwatchableDescriptor(f.value, ctx);
  return null;
}
