// THE asyncio mapping: every asyncio name pyts knows, what the runtime calls it and how its arguments move.
// Pure data, read by analysis (types, which calls make coroutines) and translation (names, keyword arguments).
//
// kind:
//   coroutine-function  a call makes a coroutine: awaited at once it stays a plain call, else `coro(fn, …)`
//   function            a plain call (may return a future/task that `await` must pass through `aw`)
//   loop-entry          runs the event loop until done: `await` in the emitted module (ESM top-level await)
//   class | exception | constant
//   planned             a real asyncio API the runtime does not have yet: translated calls would fail, so pyts
//                       reports it (PYTS4004) instead
// params:  positional parameter names, in order (so `sleep(delay=1)` can be passed positionally)
// options: keyword-only parameter names, passed as a trailing `{ camelCase: value }` object
// returns: what a call evaluates to, in a small notation read by analyze/infer.ts:
//   int float bool str None any loop handle timer-handle | task(X) future(X) coroutine(X) list(X) set(X)
//   tuple(X,Y) optional(X) (X or None) | X = arg0…argN (the value awaiting that argument gives), args (all positional arguments),
//   self (the receiver's result type), elt(argN) (awaiting an element of that iterable), or a plain type
// removed: the Python version that removed it and the name to use instead (translated to that, with a warning)
// callback: argument `arg` is a function the runtime calls with arguments of the types `with` (notation above), so
//   analysis types an unannotated callback's parameters (`start_server(handle)`: handle(reader, writer))

export type EntryKind = 'coroutine-function' | 'function' | 'loop-entry' | 'class' | 'exception' | 'constant' | 'planned';

export interface AsyncioEntry {
  kind: EntryKind;
  /** the runtime's name; defaults to the camelCase of the Python name */
  ts?: string;
  params?: readonly string[];
  options?: readonly string[];
  returns?: string;
  removed?: { in: string; use: string };
  /** the removed API defaulted its `loop` argument to `get_event_loop()`; the replacement needs it passed */
  loopDefault?: boolean;
  callback?: { arg: number; with: readonly string[] };
  note?: string;
}

/** Module-level names: `asyncio.<name>`. */
export const ASYNCIO_MODULE: Readonly<Record<string, AsyncioEntry>> = {
  run: { kind: 'loop-entry', params: ['main'], options: ['debug'], returns: 'arg0' },
  sleep: { kind: 'coroutine-function', params: ['delay', 'result'], returns: 'arg1' },
  wait: { kind: 'coroutine-function', params: ['fs'], options: ['timeout', 'return_when'], returns: 'tuple(set(task(elt(arg0))),set(task(elt(arg0))))' },
  wait_for: { kind: 'coroutine-function', params: ['fut', 'timeout'], returns: 'arg0' },
  gather: { kind: 'function', options: ['return_exceptions'], returns: 'future(list(args))' },
  shield: { kind: 'function', params: ['arg'], returns: 'future(arg0)' },
  as_completed: { kind: 'function', params: ['fs'], options: ['timeout'], returns: 'list(coroutine(elt(arg0)))' },
  create_task: { kind: 'function', params: ['coro'], options: ['name', 'context'], returns: 'task(arg0)' },
  ensure_future: { kind: 'function', params: ['coro_or_future'], options: ['loop'], returns: 'task(arg0)' },
  get_event_loop: { kind: 'function', returns: 'loop' },
  get_running_loop: { kind: 'function', returns: 'loop' },
  new_event_loop: { kind: 'function', returns: 'loop' },
  set_event_loop: { kind: 'function', params: ['loop'], returns: 'None' },
  current_task: { kind: 'function', params: ['loop'], returns: 'optional(task(any))' },
  all_tasks: { kind: 'function', params: ['loop'], returns: 'set(task(any))' },
  iscoroutine: { kind: 'function', params: ['obj'], returns: 'bool' },
  iscoroutinefunction: { kind: 'function', params: ['func'], returns: 'bool' },
  isfuture: { kind: 'function', params: ['obj'], returns: 'bool' },
  wrap_future: { kind: 'function', params: ['future'], options: ['loop'], returns: 'future(any)' },
  to_thread: { kind: 'coroutine-function', returns: 'any' },
  run_coroutine_threadsafe: { kind: 'function', params: ['coro', 'loop'], returns: 'any' },
  timeout: { kind: 'function', params: ['delay'], returns: 'any' },
  timeout_at: { kind: 'function', params: ['when'], returns: 'any' },

  Future: { kind: 'class' },
  Task: { kind: 'class' },
  Handle: { kind: 'class' },
  TimerHandle: { kind: 'class' },
  AbstractEventLoop: { kind: 'class' },
  Runner: { kind: 'class' },
  Queue: { kind: 'class' },
  PriorityQueue: { kind: 'class' },
  LifoQueue: { kind: 'class' },
  Lock: { kind: 'class' },
  Event: { kind: 'class' },
  Condition: { kind: 'class' },
  Semaphore: { kind: 'class' },
  BoundedSemaphore: { kind: 'class' },
  Barrier: { kind: 'class' },
  TaskGroup: { kind: 'class' },
  Timeout: { kind: 'class' },

  CancelledError: { kind: 'exception' },
  InvalidStateError: { kind: 'exception' },
  TimeoutError: { kind: 'exception' },
  QueueEmpty: { kind: 'exception' },
  QueueFull: { kind: 'exception' },
  BrokenBarrierError: { kind: 'exception' },
  IncompleteReadError: { kind: 'exception' },
  LimitOverrunError: { kind: 'exception' },
  SendfileNotAvailableError: { kind: 'exception' },

  FIRST_COMPLETED: { kind: 'constant', returns: 'str' },
  FIRST_EXCEPTION: { kind: 'constant', returns: 'str' },
  ALL_COMPLETED: { kind: 'constant', returns: 'str' },

  // Streams (streams.ts over Node's net); ssl= is refused at run time.
  open_connection: {
    kind: 'coroutine-function',
    params: ['host', 'port'],
    options: ['limit', 'sock', 'ssl', 'family', 'proto', 'flags', 'local_addr', 'server_hostname', 'ssl_handshake_timeout', 'happy_eyeballs_delay', 'interleave'],
    returns: 'tuple(StreamReader,StreamWriter)',
  },
  start_server: {
    kind: 'coroutine-function',
    params: ['client_connected_cb', 'host', 'port'],
    options: ['limit', 'family', 'flags', 'sock', 'backlog', 'ssl', 'reuse_address', 'reuse_port', 'ssl_handshake_timeout', 'start_serving'],
    returns: 'Server',
    callback: { arg: 0, with: ['StreamReader', 'StreamWriter'] },
  },
  open_unix_connection: {
    kind: 'coroutine-function',
    params: ['path'],
    options: ['limit', 'sock', 'ssl', 'server_hostname', 'ssl_handshake_timeout'],
    returns: 'tuple(StreamReader,StreamWriter)',
  },
  start_unix_server: {
    kind: 'coroutine-function',
    params: ['client_connected_cb', 'path'],
    options: ['limit', 'sock', 'backlog', 'ssl', 'ssl_handshake_timeout', 'start_serving'],
    returns: 'Server',
    callback: { arg: 0, with: ['StreamReader', 'StreamWriter'] },
  },
  StreamReader: { kind: 'class' },
  StreamWriter: { kind: 'class' },
  StreamReaderProtocol: { kind: 'class' },
  Server: { kind: 'class' },
  // Subprocesses (subprocess.ts over Node's child_process): the keyword arguments go to Popen.
  create_subprocess_exec: {
    kind: 'coroutine-function',
    params: ['program'],
    options: ['stdin', 'stdout', 'stderr', 'limit', 'cwd', 'env', 'start_new_session', 'shell', 'universal_newlines', 'text', 'encoding', 'errors', 'bufsize'],
    returns: 'Process',
  },
  create_subprocess_shell: {
    kind: 'coroutine-function',
    params: ['cmd'],
    options: ['stdin', 'stdout', 'stderr', 'limit', 'cwd', 'env', 'start_new_session', 'shell', 'universal_newlines', 'text', 'encoding', 'errors', 'bufsize'],
    returns: 'Process',
  },
  Process: { kind: 'class' },
  PIPE: { kind: 'constant', returns: 'int' },
  STDOUT: { kind: 'constant', returns: 'int' },
  DEVNULL: { kind: 'constant', returns: 'int' },
  get_event_loop_policy: { kind: 'planned' },
  set_event_loop_policy: { kind: 'planned' },

  // Removed APIs that old tutorials still use: translated to their replacement, with a warning.
  async: { kind: 'function', removed: { in: '3.7', use: 'ensure_future' }, ts: 'ensureFuture', params: ['coro_or_future'], returns: 'task(arg0)' },
  coroutine: { kind: 'planned', removed: { in: '3.11', use: 'async def' }, note: 'Write the function as `async def`.' },
};

/**
 * Names reached through a class (`asyncio.Task.<name>`: class attributes that are not methods of instances) or
 * through a submodule (`asyncio.subprocess.PIPE`, which the runtime exports from asyncio itself).
 */
export const ASYNCIO_CLASS_ATTRIBUTES: Readonly<Record<string, AsyncioEntry>> = {
  'subprocess.PIPE': { kind: 'constant', returns: 'int' },
  'subprocess.STDOUT': { kind: 'constant', returns: 'int' },
  'subprocess.DEVNULL': { kind: 'constant', returns: 'int' },
  'subprocess.Process': { kind: 'class' },
  'subprocess.create_subprocess_exec': { kind: 'coroutine-function', params: ['program'], returns: 'Process' },
  'subprocess.create_subprocess_shell': { kind: 'coroutine-function', params: ['cmd'], returns: 'Process' },
  'streams.StreamReader': { kind: 'class' },
  'streams.StreamWriter': { kind: 'class' },
  'Task.all_tasks': { kind: 'function', removed: { in: '3.9', use: 'all_tasks' }, ts: 'allTasks', params: ['loop'], loopDefault: true, returns: 'set(task(any))' },
  'Task.current_task': { kind: 'function', removed: { in: '3.9', use: 'current_task' }, ts: 'currentTask', params: ['loop'], loopDefault: true, returns: 'task(any)' },
};

/** Methods of the event loop (`loop.<name>`). */
export const LOOP_METHODS: Readonly<Record<string, AsyncioEntry>> = {
  run_until_complete: { kind: 'loop-entry', params: ['future'], returns: 'arg0' },
  run_forever: { kind: 'loop-entry', returns: 'None' },
  stop: { kind: 'function', returns: 'None' },
  close: { kind: 'function', returns: 'None' },
  is_running: { kind: 'function', returns: 'bool' },
  is_closed: { kind: 'function', returns: 'bool' },
  call_soon: { kind: 'function', options: ['context'], returns: 'handle' },
  call_soon_threadsafe: { kind: 'function', options: ['context'], returns: 'handle' },
  call_later: { kind: 'function', options: ['context'], returns: 'timer-handle' },
  call_at: { kind: 'function', options: ['context'], returns: 'timer-handle' },
  time: { kind: 'function', returns: 'float' },
  create_task: { kind: 'function', params: ['coro'], options: ['name', 'context'], returns: 'task(arg0)' },
  create_future: { kind: 'function', returns: 'future(any)' },
  set_exception_handler: { kind: 'function', params: ['handler'], returns: 'None' },
  get_exception_handler: { kind: 'function', returns: 'any' },
  call_exception_handler: { kind: 'function', params: ['context'], returns: 'None' },
  default_exception_handler: { kind: 'function', params: ['context'], returns: 'None' },
  run_in_executor: { kind: 'function', returns: 'future(any)' },
  get_debug: { kind: 'function', returns: 'bool' },
  set_debug: { kind: 'function', params: ['enabled'], returns: 'None' },
  shutdown_asyncgens: { kind: 'coroutine-function', returns: 'None' },
  shutdown_default_executor: { kind: 'coroutine-function', returns: 'None' },
  add_signal_handler: { kind: 'function', params: ['sig', 'callback'], returns: 'None' },
  remove_signal_handler: { kind: 'function', params: ['sig'], returns: 'bool' },
  add_reader: { kind: 'function', params: ['fd', 'callback'], returns: 'handle' },
  remove_reader: { kind: 'function', params: ['fd'], returns: 'bool' },
  add_writer: { kind: 'function', params: ['fd', 'callback'], returns: 'handle' },
  remove_writer: { kind: 'function', params: ['fd'], returns: 'bool' },
  sock_recv: { kind: 'coroutine-function', params: ['sock', 'nbytes'], returns: 'bytes' },
  sock_recv_into: { kind: 'coroutine-function', params: ['sock', 'buf'], returns: 'int' },
  sock_sendall: { kind: 'coroutine-function', params: ['sock', 'data'], returns: 'None' },
  sock_connect: { kind: 'coroutine-function', params: ['sock', 'address'], returns: 'None' },
  sock_accept: { kind: 'planned' },
  create_server: { kind: 'planned' },
  create_connection: { kind: 'planned' },
  subprocess_exec: { kind: 'planned' },
  subprocess_shell: { kind: 'planned' },
};

/** Methods shared by Future and Task (`self` = the future's result type). */
export const FUTURE_METHODS: Readonly<Record<string, AsyncioEntry>> = {
  result: { kind: 'function', returns: 'self' },
  exception: { kind: 'function', returns: 'any' },
  done: { kind: 'function', returns: 'bool' },
  cancelled: { kind: 'function', returns: 'bool' },
  cancel: { kind: 'function', params: ['msg'], returns: 'bool' },
  add_done_callback: { kind: 'function', params: ['fn'], options: ['context'], returns: 'None' },
  remove_done_callback: { kind: 'function', params: ['fn'], returns: 'int' },
  set_result: { kind: 'function', params: ['result'], returns: 'None' },
  set_exception: { kind: 'function', params: ['exception'], returns: 'None' },
  get_loop: { kind: 'function', returns: 'loop' },
};

/** Methods only Tasks have. */
export const TASK_METHODS: Readonly<Record<string, AsyncioEntry>> = {
  get_name: { kind: 'function', returns: 'str' },
  set_name: { kind: 'function', params: ['value'], returns: 'None' },
  get_coro: { kind: 'function', returns: 'any' },
  cancelling: { kind: 'function', returns: 'int' },
  uncancel: { kind: 'function', returns: 'int' },
};

/** Methods of Handle and TimerHandle. */
export const HANDLE_METHODS: Readonly<Record<string, AsyncioEntry>> = {
  cancel: { kind: 'function', returns: 'None' },
  cancelled: { kind: 'function', returns: 'bool' },
  when: { kind: 'function', returns: 'float' },
};

/** Methods of asyncio's classes, by class (`q.get()` on a Queue…); coroutine methods park the calling task. */
export const CLASS_METHODS: Readonly<Record<string, Readonly<Record<string, AsyncioEntry>>>> = {
  Runner: {
    run: { kind: 'loop-entry', params: ['coro'], options: ['context'], returns: 'arg0' },
    // closing runs the loop once more (cancel leftovers, shut down async generators): it blocks like run()
    close: { kind: 'loop-entry', returns: 'None' },
    __exit__: { kind: 'loop-entry', returns: 'None' },
    get_loop: { kind: 'function', returns: 'loop' },
  },
  TaskGroup: { create_task: { kind: 'function', params: ['coro'], options: ['name', 'context'], returns: 'task(arg0)' } },
  Queue: {
    get: { kind: 'coroutine-function', returns: 'any' },
    put: { kind: 'coroutine-function', params: ['item'], returns: 'None' },
    join: { kind: 'coroutine-function', returns: 'None' },
    get_nowait: { kind: 'function', returns: 'any' },
    put_nowait: { kind: 'function', params: ['item'], returns: 'None' },
    task_done: { kind: 'function', returns: 'None' },
    qsize: { kind: 'function', returns: 'int' },
    empty: { kind: 'function', returns: 'bool' },
    full: { kind: 'function', returns: 'bool' },
  },
  Lock: {
    acquire: { kind: 'coroutine-function', returns: 'bool' },
    release: { kind: 'function', returns: 'None' },
    locked: { kind: 'function', returns: 'bool' },
  },
  Event: {
    wait: { kind: 'coroutine-function', returns: 'bool' },
    set: { kind: 'function', returns: 'None' },
    clear: { kind: 'function', returns: 'None' },
    is_set: { kind: 'function', returns: 'bool' },
  },
  Condition: {
    acquire: { kind: 'coroutine-function', returns: 'bool' },
    release: { kind: 'function', returns: 'None' },
    locked: { kind: 'function', returns: 'bool' },
    wait: { kind: 'coroutine-function', returns: 'bool' },
    wait_for: { kind: 'coroutine-function', params: ['predicate'], returns: 'any' },
    notify: { kind: 'function', params: ['n'], returns: 'None' },
    notify_all: { kind: 'function', returns: 'None' },
  },
  Semaphore: {
    acquire: { kind: 'coroutine-function', returns: 'bool' },
    release: { kind: 'function', returns: 'None' },
    locked: { kind: 'function', returns: 'bool' },
  },
  StreamReader: {
    read: { kind: 'coroutine-function', params: ['n'], returns: 'bytes' },
    readline: { kind: 'coroutine-function', returns: 'bytes' },
    readuntil: { kind: 'coroutine-function', params: ['separator'], returns: 'bytes' },
    readexactly: { kind: 'coroutine-function', params: ['n'], returns: 'bytes' },
    at_eof: { kind: 'function', returns: 'bool' },
    exception: { kind: 'function', returns: 'any' },
    feed_data: { kind: 'function', params: ['data'], returns: 'None' },
    feed_eof: { kind: 'function', returns: 'None' },
    set_exception: { kind: 'function', params: ['exc'], returns: 'None' },
  },
  StreamWriter: {
    write: { kind: 'function', params: ['data'], returns: 'None' },
    writelines: { kind: 'function', params: ['data'], returns: 'None' },
    write_eof: { kind: 'function', returns: 'None' },
    can_write_eof: { kind: 'function', returns: 'bool' },
    drain: { kind: 'coroutine-function', returns: 'None' },
    close: { kind: 'function', returns: 'None' },
    is_closing: { kind: 'function', returns: 'bool' },
    wait_closed: { kind: 'coroutine-function', returns: 'None' },
    get_extra_info: { kind: 'function', params: ['name', 'default'], returns: 'any' },
  },
  Process: {
    wait: { kind: 'coroutine-function', returns: 'int' },
    communicate: { kind: 'coroutine-function', params: ['input'], returns: 'tuple(bytes,bytes)' },
    send_signal: { kind: 'function', params: ['signal'], returns: 'None' },
    terminate: { kind: 'function', returns: 'None' },
    kill: { kind: 'function', returns: 'None' },
  },
  Server: {
    close: { kind: 'function', returns: 'None' },
    wait_closed: { kind: 'coroutine-function', returns: 'None' },
    serve_forever: { kind: 'coroutine-function', returns: 'None' },
    start_serving: { kind: 'coroutine-function', returns: 'None' },
    is_serving: { kind: 'function', returns: 'bool' },
    get_loop: { kind: 'function', returns: 'loop' },
  },
  Barrier: {
    wait: { kind: 'coroutine-function', returns: 'int' },
    reset: { kind: 'coroutine-function', returns: 'None' },
    abort: { kind: 'coroutine-function', returns: 'None' },
  },
};
/** Data attributes of asyncio's objects, by class (`proc.stdout` is a StreamReader), in the `returns` notation. */
export const CLASS_ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Process: { stdin: 'StreamWriter', stdout: 'StreamReader', stderr: 'StreamReader', pid: 'int', returncode: 'optional(int)' },
};

/** Subclasses that share their base's methods. */
export const CLASS_METHOD_ALIASES: Readonly<Record<string, string>> = {
  PriorityQueue: 'Queue',
  LifoQueue: 'Queue',
  BoundedSemaphore: 'Semaphore',
};

/** Python's snake_case to the runtime's camelCase (`run_until_complete` → `runUntilComplete`). */
export function camelCase(name: string): string {
  if (!name.includes('_')) return name;
  // translation asks for the same few names over and over (every attribute, method and variable): the regular
  // expressions below took 2 % of an unformatted translation before their results were kept
  let camel = camelCased.get(name);
  if (camel === undefined) {
    camel = camelCaseOf(name);
    // a bound on what a long-running process keeps: the names of a few hundred modules
    if (camelCased.size === CAMEL_CASED_LIMIT) camelCased.clear();
    camelCased.set(name, camel);
  }
  return camel;
}

const camelCased = new Map<string, string>();
const CAMEL_CASED_LIMIT = 50_000;

function camelCaseOf(name: string): string {
  if (/^_*[A-Z0-9_]+$/.test(name) || /^__.*__$/.test(name)) return name;
  const lead = /^_*/.exec(name)![0];
  const rest = name.slice(lead.length).replace(/_+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
  return lead + rest;
}

/** The runtime name of an entry. */
export function tsName(pythonName: string, entry: AsyncioEntry): string {
  return entry.ts ?? camelCase(pythonName);
}
