// Readiness callbacks (Lib/asyncio/selector_events.py BaseSelectorEventLoop add_reader/add_writer/remove_*, and
// sock_recv/sock_recv_into/sock_sendall built on them), for the descriptors Node lets the runtime observe: the
// socket module's sockets (builtins/file-descriptors.ts). Like a selector, this is level-triggered: at the start of each
// loop iteration (the select() of _run_once) every watched descriptor that is ready queues its callback once, and
// a descriptor that stays ready queues it again the next iteration. A Node event that may make one ready wakes a
// waiting loop.
//
// stdin is watched too when it is a pipe, a socket or a terminal (builtins/input.ts). Descriptors the runtime does
// not own cannot be: a regular file raises CPython's PermissionError (epoll refuses regular files too), a closed
// descriptor OSError EBADF, and any other (a pipe or terminal opened outside the runtime) NotImplementedError; the
// translator reports the calls it can see are of that kind (PYTS4005).

import { fs } from '../builtins/node-modules.js';
import {
  BaseException,
  BlockingIOError,
  InterruptedError,
  NotImplementedError,
  OSError,
  PermissionError,
  RuntimeError,
  ValueError,
} from '../builtins/exceptions.js';
import { repr } from '../builtins/repr.js';
import { PyBytes } from '../builtins/bytes.js';
import {
  isReadinessSource,
  sourceOfDescriptor,
  type ReadinessSource,
  type Refable,
} from '../builtins/file-descriptors.js';
import type { BaseEventLoop } from './base-events.js';
import { aw } from './coroutines.js';
import { Handle } from './events.js';
import type { Future } from './futures.js';
import { trackHandle, untrackHandle } from './io-handles.js';
import { osErrorOfErrno } from './os-errors.js';
import { SO_ERROR, SOL_SOCKET, SocketObject } from '../socket/index.js';
import { transportUsing } from './selector-events.js';

/** A reader or writer callback: queued at most once per iteration while its descriptor is ready. */
class ReadinessHandle extends Handle {
  _queued = false;

  override _run(): void {
    this._queued = false;
    super._run();
  }

  override __repr__(): string {
    return `<Handle ${this._reprInfo().join(' ')}>`;
  }
}

/** selectors.SelectorKey: one watched descriptor and its callbacks. */
interface SelectorKey {
  readonly fd: number;
  readonly source: ReadinessSource;
  reader: ReadinessHandle | null;
  writer: ReadinessHandle | null;
  /** Called by the source when its readiness may have changed. */
  readonly listener: () => void;
  /** The Node handle kept referenced (while the loop runs) for this key. */
  tracked: Refable | null;
}

/** selectors._fileobj_to_fd: an int, or an object's `fileno()`. */
function fileobjToFd(fileobj: unknown): number {
  let fd: unknown = fileobj;
  if (typeof fileobj === 'boolean') fd = Number(fileobj);
  else if (typeof fileobj !== 'number') {
    const fileno = (fileobj as { fileno?: unknown } | null)?.fileno;
    if (typeof fileno !== 'function') throw new ValueError(`Invalid file object: ${repr(fileobj)}`);
    fd = fileno.call(fileobj);
  }
  if (typeof fd !== 'number' || !Number.isInteger(fd)) throw new ValueError(`Invalid file object: ${repr(fileobj)}`);
  if (fd < 0) throw new ValueError(`Invalid file descriptor: ${fd}`);
  return fd;
}

// What epoll_ctl(2) would say about a descriptor the runtime does not own, or why Node cannot watch it.
function unwatchable(fd: number, method: string): BaseException {
  let stat: import('node:fs').Stats;
  try {
    stat = fs.fstatSync(fd);
  } catch {
    return new OSError(9, 'Bad file descriptor');
  }
  if (stat.isFile() || stat.isDirectory()) return new PermissionError(1, 'Operation not permitted');
  return new NotImplementedError(
    `loop.${method}() cannot watch file descriptor ${fd}: Node reports readiness only for sockets the pyts runtime made (socket.socketpair()) and stdin; use asyncio streams`,
  );
}

// selector_events._ensure_fd_no_transport: a descriptor a transport reads and writes is not for readiness callbacks.
function ensureNoTransport(fileobj: unknown, fd: number): void {
  const node = fileobj instanceof SocketObject ? fileobj._nodeSocket() : null;
  const transport = transportUsing(node, fd);
  if (transport !== undefined && !transport.isClosing()) {
    throw new RuntimeError(`File descriptor ${repr(fileobj)} is used by transport ${repr(transport)}`);
  }
}

/** The loop's selector: its watched descriptors, polled at the start of every iteration. */
export class Selector {
  private readonly _keys = new Map<number, SelectorKey>();

  constructor(private readonly _loop: BaseEventLoop) {}

  /** _process_events: queue the callback of every ready reader and writer that is not queued yet. */
  poll(): void {
    const ready = this._loop._ready;
    for (const key of this._keys.values()) {
      const reader = key.reader;
      if (reader !== null && !reader._queued && key.source._readyToRead()) {
        reader._queued = true;
        ready.push(reader);
      }
      const writer = key.writer;
      if (writer !== null && !writer._queued && key.source._readyToWrite()) {
        writer._queued = true;
        ready.push(writer);
      }
    }
  }

  get size(): number {
    return this._keys.size;
  }

  private _source(fd: number, method: string): ReadinessSource {
    const source = sourceOfDescriptor(fd);
    if (source === undefined) throw unwatchable(fd, method);
    return source;
  }

  private _track(key: SelectorKey): void {
    if (key.tracked !== null) return;
    const refable = key.source._refable();
    if (refable === null) return;
    key.tracked = refable;
    trackHandle(this._loop, refable);
  }

  /** Watch `fileobj` for reading or writing with `callback(...args)`, replacing a callback it had. */
  add(fileobj: unknown, writing: boolean, callback: Function, args: unknown[]): Handle {
    const fd = fileobjToFd(fileobj);
    ensureNoTransport(fileobj, fd);
    const method = writing ? 'add_writer' : 'add_reader';
    let key = this._keys.get(fd);
    if (key === undefined) {
      const source = this._source(fd, method);
      const created: SelectorKey = {
        fd,
        source,
        reader: null,
        writer: null,
        tracked: null,
        listener: () => {
          this._track(created);
          this._loop._wakeUp();
        },
      };
      key = created;
      // watching may fail (stdin redirected from a regular file): before the key exists
      source._watch(key.listener);
      this._keys.set(fd, key);
      this._track(key);
    }
    const handle = new ReadinessHandle(callback, args, this._loop);
    const old = writing ? key.writer : key.reader;
    if (writing) key.writer = handle;
    else key.reader = handle;
    old?.cancel();
    this._loop._wakeUp();
    return handle;
  }

  /** Stop watching `fileobj` for reading or writing; false if it was not watched for that. */
  remove(fileobj: unknown, writing: boolean): boolean {
    const fd = fileobjToFd(fileobj);
    ensureNoTransport(fileobj, fd);
    const key = this._keys.get(fd);
    if (key === undefined) return false;
    const handle = writing ? key.writer : key.reader;
    if (writing) key.writer = null;
    else key.reader = null;
    if (key.reader === null && key.writer === null) this._forget(key);
    if (handle === null) return false;
    handle.cancel();
    return true;
  }

  private _forget(key: SelectorKey): void {
    this._keys.delete(key.fd);
    key.source._unwatch(key.listener);
    if (key.tracked !== null) untrackHandle(this._loop, key.tracked);
  }

  /** The loop closes: every callback is dropped (selector.close()). */
  close(): void {
    for (const key of [...this._keys.values()]) {
      key.reader?.cancel();
      key.writer?.cancel();
      this._forget(key);
    }
  }
}

/** The loop's selector, made when a first descriptor is watched. */
function selectorOf(loop: BaseEventLoop): Selector {
  return (loop._selector ??= new Selector(loop));
}

/** loop.add_reader(fd, callback, *args): call `callback(*args)` in every iteration while `fd` is readable. */
export function addReader(loop: BaseEventLoop, fd: unknown, callback: Function, args: unknown[]): Handle {
  loop._checkClosed();
  return selectorOf(loop).add(fd, false, callback, args);
}

/** loop.add_writer(fd, callback, *args): call `callback(*args)` in every iteration while `fd` is writable. */
export function addWriter(loop: BaseEventLoop, fd: unknown, callback: Function, args: unknown[]): Handle {
  loop._checkClosed();
  return selectorOf(loop).add(fd, true, callback, args);
}

/** loop.remove_reader(fd) / remove_writer(fd): true if a callback was removed. */
export function removeReadiness(loop: BaseEventLoop, fd: unknown, writing: boolean): boolean {
  if (loop.isClosed()) return false;
  const selector = loop._selector;
  if (selector === null) {
    fileobjToFd(fd);
    return false;
  }
  return selector.remove(fd, writing);
}

// The socket's own operation, as a non-blocking socket does it: null instead of BlockingIOError.
function attempt<T>(operation: () => T): T | null {
  try {
    return operation();
  } catch (e) {
    if (e instanceof BlockingIOError || e instanceof InterruptedError) return null;
    throw e;
  }
}

interface SocketLike {
  recv(n: number): PyBytes;
  recvInto(buffer: unknown, nbytes?: number): number;
  send(data: unknown): number;
  getblocking?(): boolean;
  setblocking?(flag: boolean): unknown;
}

// The loop never blocks on a socket: a blocking one is used as non-blocking for the duration of the call (CPython
// would block the whole loop there; the bytes that arrive are the same).
function nonBlocking<T>(sock: SocketLike, operation: () => T): T | null {
  const blocking = sock.getblocking?.() ?? false;
  if (blocking) sock.setblocking?.(false);
  try {
    return attempt(operation);
  } finally {
    if (blocking) sock.setblocking?.(true);
  }
}

// Wait in a reader or writer callback until `operation` goes through (selector_events _sock_recv & co.).
async function whenReady<T>(loop: BaseEventLoop, sock: SocketLike, writing: boolean, operation: () => T): Promise<T> {
  const first = nonBlocking(sock, operation);
  if (first !== null) return first;
  return waitReady(loop, sock, writing, operation);
}

// Run `operation` in the reader or writer callback of `sock` until it goes through.
async function waitReady<T>(loop: BaseEventLoop, sock: SocketLike, writing: boolean, operation: () => T): Promise<T> {
  const fut: Future<T> = loop.createFuture<T>();
  const selector = selectorOf(loop);
  const handle = selector.add(
    sock,
    writing,
    () => {
      if (fut.done()) return;
      try {
        const result = nonBlocking(sock, operation);
        if (result !== null) fut.setResult(result);
      } catch (e) {
        fut.setException(e as Error);
      }
    },
    [],
  );
  fut.addDoneCallback(() => {
    if (!handle.cancelled()) selector.remove(sock, writing);
  });
  return (await aw(fut)) as T;
}

function checkSocket(sock: unknown): SocketLike {
  if (!isReadinessSource(sock)) throw new ValueError(`Invalid file object: ${repr(sock)}`);
  return sock as unknown as SocketLike;
}

/** loop.sock_recv(sock, nbytes): up to `nbytes` bytes, once some are there (b'' at EOF). */
export async function sockRecv(loop: BaseEventLoop, sock: unknown, nbytes: number): Promise<PyBytes> {
  const s = checkSocket(sock);
  return whenReady(loop, s, false, () => s.recv(nbytes));
}

/** loop.sock_recv_into(sock, buf): receive into `buf` once bytes are there; the count. */
export async function sockRecvInto(loop: BaseEventLoop, sock: unknown, buffer: unknown): Promise<number> {
  const s = checkSocket(sock);
  return whenReady(loop, s, false, () => s.recvInto(buffer));
}

/** loop.sock_sendall(sock, data): send all of `data`, waiting while the send buffer is full. */
export async function sockSendall(loop: BaseEventLoop, sock: unknown, data: unknown): Promise<null> {
  const s = checkSocket(sock);
  await whenReady(loop, s, true, () => s.send(data));
  return null;
}

interface ConnectingSocket extends SocketLike {
  connect(address: unknown): unknown;
  getsockopt(level: number, option: number): number;
}

/**
 * loop.sock_connect(sock, address): connect `sock` (a socket.socket()), waiting until it is writable, then
 * raising the failure as selector_events._sock_connect_cb does: `ConnectionRefusedError: [Errno 111] Connect call
 * failed ('127.0.0.1', 1)`.
 */
export async function sockConnect(loop: BaseEventLoop, sock: unknown, address: unknown): Promise<null> {
  const s = checkSocket(sock) as ConnectingSocket;
  const connected = nonBlocking(s, () => {
    s.connect(address);
    return true;
  });
  if (connected !== null) return null;
  // selector_events._sock_connect_cb: once writable, SO_ERROR says how the connection attempt ended
  await waitReady(loop, s, true, () => {
    const errno = s.getsockopt(SOL_SOCKET, SO_ERROR);
    if (errno !== 0) throw osErrorOfErrno(errno, `Connect call failed ${repr(address)}`);
    return true;
  });
  return null;
}
