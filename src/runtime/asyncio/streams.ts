// High-level streams (Lib/asyncio/streams.py): open_connection, start_server, their Unix variants, StreamReader,
// StreamWriter and the protocol between them, over the socket transports of selector-events.ts.
//
// A reader waiting for data parks its task with no future (tasks.ts `parkCurrentTask`); data arriving from Node
// queues the task and wakes the loop, so a round trip costs one task switch, as in CPython.

import type * as net from 'node:net';
import {
  BaseException,
  ConnectionResetError,
  RuntimeError,
  StopAsyncIteration,
  ValueError,
} from '../builtins/exceptions.js';
import { PyBytes } from '../builtins/bytes.js';
import { tuple } from '../builtins/tuple.js';
import type { BaseEventLoop } from './base-events.js';
import { aw, coro, iscoroutine, iscoroutinefunction, type Coroutine } from './coroutines.js';
import { exceptionContext, getEventLoop, getRunningLoop } from './events.js';
import { IncompleteReadError, LimitOverrunError } from './exceptions.js';
import type { Future } from './futures.js';
import { argument } from './locks.js';
import {
  checkHostPort,
  createConnection,
  createServer,
  Server,
  SocketTransport,
  type Protocol,
} from './selector-events.js';
import { nodeSocketOf } from '../socket/index.js';
import {
  awaitForeignPromise,
  parkCurrentTask,
  sleep,
  Task,
  wakeTask,
  wakeTaskWithException,
  _runningTask,
} from './tasks.js';

/** streams._DEFAULT_LIMIT: the longest line readline() accepts, and half the read buffer. */
export const _DEFAULT_LIMIT = 2 ** 16;

const EMPTY = new Uint8Array(0);

function bytesOf(data: Uint8Array): PyBytes {
  return new PyBytes(data);
}

// A view of `data` that is a plain Uint8Array (Node hands out Buffers, whose slice() does not copy).
function plain(data: Uint8Array, start: number, end: number): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset + start, end - start);
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  if (needle.length === 1) return haystack.indexOf(needle[0]!, from);
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

type ReaderTransport = Pick<SocketTransport, 'pauseReading' | 'resumeReading'>;

/** asyncio.StreamReader: bytes received, read by line, by separator, by count, or to EOF. */
export class StreamReader {
  static readonly __pyname__ = 'StreamReader';
  readonly _limit: number;
  readonly _loop: BaseEventLoop;
  _buffer: Uint8Array = EMPTY;
  _eof = false;
  private _waiter: Task | null = null;
  private _exception: BaseException | null = null;
  _transport: ReaderTransport | null = null;
  private _paused = false;

  constructor(limit?: number | { limit?: number; loop?: BaseEventLoop | null }, loop?: BaseEventLoop | null) {
    const value = argument<number>(limit as number | undefined, 'limit', _DEFAULT_LIMIT);
    if (value <= 0) throw new ValueError('Limit cannot be <= 0');
    this._limit = value;
    this._loop = (loop ?? (typeof limit === 'object' ? limit.loop : null) ?? getEventLoop()) as BaseEventLoop;
  }

  __repr__(): string {
    const info = ['StreamReader'];
    if (this._buffer.length) info.push(`${this._buffer.length} bytes`);
    if (this._eof) info.push('eof');
    if (this._limit !== _DEFAULT_LIMIT) info.push(`limit=${this._limit}`);
    if (this._waiter) info.push('waiter=<Future pending>');
    if (this._exception) info.push(`exception=${this._exception.__repr__()}`);
    if (this._paused) info.push('paused');
    return `<${info.join(' ')}>`;
  }

  exception(): BaseException | null {
    return this._exception;
  }

  /** Make the pending and every later read raise `exc`. */
  setException(exc: BaseException): void {
    this._exception = exc;
    const waiter = this._waiter;
    if (waiter !== null) {
      this._waiter = null;
      wakeTaskWithException(waiter, exc);
      this._loop._wakeUp();
    }
  }

  private _wakeupWaiter(): void {
    const waiter = this._waiter;
    if (waiter !== null) {
      this._waiter = null;
      wakeTask(waiter, null);
      this._loop._wakeUp();
    }
  }

  setTransport(transport: ReaderTransport): void {
    if (this._transport !== null) throw new RuntimeError('Transport already set');
    this._transport = transport;
  }

  private _maybeResumeTransport(): void {
    if (this._paused && this._buffer.length <= this._limit) {
      this._paused = false;
      this._transport!.resumeReading();
    }
  }

  feedEof(): void {
    this._eof = true;
    this._wakeupWaiter();
  }

  /** True once EOF was fed and the buffer is empty. */
  atEof(): boolean {
    return this._eof && this._buffer.length === 0;
  }

  feedData(data: Uint8Array | PyBytes): void {
    const bytes = data instanceof PyBytes ? data.data : data;
    if (bytes.length === 0) return;
    if (this._buffer.length === 0) {
      this._buffer = bytes;
    } else {
      const joined = new Uint8Array(this._buffer.length + bytes.length);
      joined.set(this._buffer);
      joined.set(bytes, this._buffer.length);
      this._buffer = joined;
    }
    this._wakeupWaiter();
    if (this._transport !== null && !this._paused && this._buffer.length > 2 * this._limit) {
      this._transport.pauseReading();
      this._paused = true;
    }
  }

  // Wait until feed_data() or feed_eof() is called (StreamReader._wait_for_data).
  private async _waitForData(funcName: string): Promise<void> {
    this._becomeWaiter(funcName);
    await parkCurrentTask(this._detachWaiter);
  }

  // _wait_for_data up to the wait: the running task becomes the waiter that feed_data() wakes.
  private _becomeWaiter(funcName: string): void {
    if (this._waiter !== null) {
      throw new RuntimeError(`${funcName}() called while another coroutine is already waiting for incoming data`);
    }
    if (this._paused) {
      this._paused = false;
      this._transport!.resumeReading();
    }
    const task = _runningTask();
    if (task === null) throw new RuntimeError(`${funcName}() must be awaited inside a task`);
    this._waiter = task;
  }

  private readonly _detachWaiter = (task: Task): void => {
    if (this._waiter === task) this._waiter = null;
  };

  private _take(n: number): PyBytes {
    const buffer = this._buffer;
    if (n >= buffer.length) {
      this._buffer = EMPTY;
      return bytesOf(buffer instanceof Buffer ? plain(buffer, 0, buffer.length) : buffer);
    }
    this._buffer = buffer.subarray(n);
    return bytesOf(plain(buffer, 0, n));
  }

  /** A line ending with b'\n'; at EOF the incomplete rest, then b''. ValueError past the limit. */
  async readline(): Promise<PyBytes> {
    // readuntil(b'\n') inlined for the common case (a line within the limit, or the rest at EOF): one async frame
    // per line instead of four, which is most of what a line costs the runtime in a busy line-protocol server.
    if (this._exception !== null) throw this._exception;
    let offset = 0;
    for (;;) {
      const buffer = this._buffer;
      const end = buffer.indexOf(0x0a, offset);
      if (end !== -1) {
        if (end > this._limit) break;
        const line = this._take(end + 1);
        this._maybeResumeTransport();
        return line;
      }
      offset = buffer.length;
      if (offset > this._limit) break;
      if (this._eof) return this._take(buffer.length);
      this._becomeWaiter('readuntil');
      await parkCurrentTask(this._detachWaiter);
    }
    return this._readlineOverLimit();
  }

  // The limit was passed: readuntil raises LimitOverrunError, which readline turns into ValueError.
  private async _readlineOverLimit(): Promise<PyBytes> {
    try {
      return await this.readuntil(NEWLINE);
    } catch (e) {
      if (e instanceof IncompleteReadError) return e.partial as PyBytes;
      if (e instanceof LimitOverrunError) {
        if (this._buffer[e.consumed] === 0x0a) this._buffer = this._buffer.subarray(e.consumed + 1);
        else this._buffer = EMPTY;
        this._maybeResumeTransport();
        throw new ValueError(e.args[0]);
      }
      throw e;
    }
  }

  /** Data up to and including `separator`; IncompleteReadError at EOF, LimitOverrunError past the limit. */
  async readuntil(separator: PyBytes = NEWLINE): Promise<PyBytes> {
    const sep = separator.data;
    const seplen = sep.length;
    if (seplen === 0) throw new ValueError('Separator should be at least one-byte string');
    if (this._exception !== null) throw this._exception;
    let offset = 0;
    let isep: number;
    for (;;) {
      const buflen = this._buffer.length;
      if (buflen - offset >= seplen) {
        isep = indexOf(this._buffer, sep, offset);
        if (isep !== -1) break;
        offset = buflen + 1 - seplen;
        if (offset > this._limit) {
          throw new LimitOverrunError('Separator is not found, and chunk exceed the limit', offset);
        }
      }
      if (this._eof) {
        const chunk = this._take(this._buffer.length);
        throw new IncompleteReadError(chunk, null);
      }
      await this._waitForData('readuntil');
    }
    if (isep > this._limit) throw new LimitOverrunError('Separator is found, but chunk is longer than limit', isep);
    const chunk = this._take(isep + seplen);
    this._maybeResumeTransport();
    return chunk;
  }

  /** Up to `n` bytes as soon as any are there; `n < 0` reads to EOF; b'' at EOF. */
  async read(n = -1): Promise<PyBytes> {
    if (this._exception !== null) throw this._exception;
    if (n === 0) return bytesOf(EMPTY);
    if (n < 0) {
      const blocks: Uint8Array[] = [];
      let total = 0;
      for (;;) {
        const block = await this.read(this._limit);
        if (block.data.length === 0) break;
        blocks.push(block.data);
        total += block.data.length;
      }
      const joined = new Uint8Array(total);
      let at = 0;
      for (const block of blocks) {
        joined.set(block, at);
        at += block.length;
      }
      return bytesOf(joined);
    }
    if (this._buffer.length === 0 && !this._eof) await this._waitForData('read');
    const data = this._take(n);
    this._maybeResumeTransport();
    return data;
  }

  /** Exactly `n` bytes; IncompleteReadError (with what was read) if EOF comes first. */
  async readexactly(n: number): Promise<PyBytes> {
    if (n < 0) throw new ValueError('readexactly size can not be less than zero');
    if (this._exception !== null) throw this._exception;
    if (n === 0) return bytesOf(EMPTY);
    while (this._buffer.length < n) {
      if (this._eof) throw new IncompleteReadError(this._take(this._buffer.length), n);
      await this._waitForData('readexactly');
    }
    const data = this._take(n);
    this._maybeResumeTransport();
    return data;
  }

  __aiter__(): this {
    return this;
  }

  /** `async for line in reader`: lines until b''. */
  async __anext__(): Promise<PyBytes> {
    const line = await this.readline();
    if (line.data.length === 0) throw new StopAsyncIteration();
    return line;
  }

  /** The same lines for a JS `for await` (how translated `async for` iterates). */
  async *[Symbol.asyncIterator](): AsyncGenerator<PyBytes> {
    for (let line = await this.readline(); line.data.length > 0; line = await this.readline()) yield line;
  }
}

const NEWLINE = new PyBytes(Uint8Array.of(0x0a));

/**
 * The protocol joining a transport to a StreamReader and StreamWriter (streams.StreamReaderProtocol, with
 * FlowControlMixin's drain): for a server it also starts `client_connected_cb` for each connection.
 */
export class StreamReaderProtocol implements Protocol {
  _transport: SocketTransport | null = null;
  _streamWriter: StreamWriter | null = null;
  readonly _closed: Future<null>;
  private _paused = false;
  private _connectionLost = false;
  private _drainWaiters: Task[] = [];

  constructor(
    readonly _reader: StreamReader,
    private readonly _clientConnectedCb: ClientConnectedCb | null,
    readonly _loop: BaseEventLoop,
  ) {
    this._closed = _loop.createFuture<null>();
  }

  connectionMade(transport: SocketTransport): void {
    this._transport = transport;
    this._reader.setTransport(transport);
    if (this._clientConnectedCb === null) return;
    this._streamWriter = new StreamWriter(transport, this, this._reader, this._loop);
    // A translated `async def` is a native async function, which would start running when called: make the lazy
    // coroutine object Python's call makes, and run it as a task.
    const cb = this._clientConnectedCb;
    const res = iscoroutinefunction(cb)
      ? coro(cb, this._reader, this._streamWriter)
      : cb(this._reader, this._streamWriter);
    if (iscoroutine(res)) {
      const task = this._loop.createTask(res as Coroutine);
      // streams.py 3.11.7 calls task.exception() without checking for cancellation, so a cancelled handler makes
      // the loop log "Exception in callback …" ending in CancelledError; CPython does, so this does too.
      const loop = this._loop;
      const callback = (t: Task): void => {
        const exc = t.exception();
        if (exc === null) return;
        loop.callExceptionHandler(
          exceptionContext({ message: 'Unhandled exception in client_connected_cb', exception: exc, transport }),
        );
        transport.close();
      };
      (callback as { __qualname__?: string }).__qualname__ = 'StreamReaderProtocol.connection_made.<locals>.callback';
      task.addDoneCallback(callback);
    }
  }

  dataReceived(data: Uint8Array): void {
    this._reader.feedData(data);
  }

  eofReceived(): boolean {
    this._reader.feedEof();
    return true;
  }

  connectionLost(exc: BaseException | null): void {
    if (exc === null) this._reader.feedEof();
    else this._reader.setException(exc);
    if (!this._closed.done()) {
      if (exc === null) this._closed.setResult(null);
      else {
        this._closed.setException(exc);
        // streams.StreamReaderProtocol.__del__ retrieves it: an unawaited wait_closed is no error to log
        this._closed._logTraceback = false;
      }
    }
    // FlowControlMixin.connection_lost: wake the tasks blocked in drain()
    this._connectionLost = true;
    if (!this._paused) return;
    const waiters = this._drainWaiters.splice(0);
    for (const waiter of waiters) {
      if (exc === null) wakeTask(waiter, null);
      else wakeTaskWithException(waiter, exc);
    }
  }

  pauseWriting(): void {
    this._paused = true;
  }

  resumeWriting(): void {
    this._paused = false;
    const waiters = this._drainWaiters.splice(0);
    for (const waiter of waiters) wakeTask(waiter, null);
    if (waiters.length) this._loop._wakeUp();
  }

  /** drain() has nothing to wait for: the connection is there and writing is not paused. */
  _drainReady(): boolean {
    return !this._connectionLost && !this._paused;
  }

  // FlowControlMixin._drain_helper.
  async _drainHelper(): Promise<void> {
    if (this._connectionLost) throw new ConnectionResetError('Connection lost');
    if (!this._paused) return;
    const task = _runningTask();
    if (task === null) throw new RuntimeError('drain() must be awaited inside a task');
    this._drainWaiters.push(task);
    await parkCurrentTask(this._detachDrainWaiter);
  }

  private readonly _detachDrainWaiter = (task: Task): void => {
    const i = this._drainWaiters.indexOf(task);
    if (i !== -1) this._drainWaiters.splice(i, 1);
  };
}

/** The callback start_server runs for each connection: a coroutine function, or a function. */
export type ClientConnectedCb = (reader: StreamReader, writer: StreamWriter) => unknown;

/** asyncio.StreamWriter: writes to the transport, with `drain()` for flow control. */
export class StreamWriter {
  static readonly __pyname__ = 'StreamWriter';

  constructor(
    private readonly _transport: SocketTransport,
    private readonly _protocol: StreamReaderProtocol,
    private readonly _reader: StreamReader | null,
    readonly _loop: BaseEventLoop,
  ) {}

  get transport(): SocketTransport {
    return this._transport;
  }

  __repr__(): string {
    const info = ['StreamWriter', `transport=${this._transport.__repr__()}`];
    if (this._reader !== null) info.push(`reader=${this._reader.__repr__()}`);
    return `<${info.join(' ')}>`;
  }

  write(data: unknown): void {
    this._transport.write(data);
  }

  writelines(data: Iterable<unknown>): void {
    this._transport.writelines(data);
  }

  writeEof(): void {
    this._transport.writeEof();
  }

  canWriteEof(): boolean {
    return this._transport.canWriteEof();
  }

  close(): void {
    this._transport.close();
  }

  isClosing(): boolean {
    return this._transport.isClosing();
  }

  /** Wait until the connection is closed; raises the error that closed it, if any. */
  async waitClosed(): Promise<void> {
    await aw(this._protocol._closed);
  }

  // any: what Python code does with the value depends on the name asked for (`.fileno()` of the socket…)
  getExtraInfo(name: string, fallback: unknown = null): any {
    return this._transport.getExtraInfo(name, fallback);
  }

  /**
   * Wait until the write buffer is below the high-water mark. Raises the reader's error (ConnectionResetError…)
   * once the connection failed, and ConnectionResetError('Connection lost') once it is gone.
   */
  drain(): Promise<void> {
    // Nothing to wait for (the usual case): an already resolved promise, so `await writer.drain()` costs one
    // microtask and no async frame, and does not yield to the loop, as CPython's drain() does not.
    if (
      (this._reader === null || this._reader.exception() === null) &&
      !this._transport.isClosing() &&
      this._protocol._drainReady()
    ) {
      return RESOLVED;
    }
    return this._drainSlowly();
  }

  private async _drainSlowly(): Promise<void> {
    if (this._reader !== null) {
      const exc = this._reader.exception();
      if (exc !== null) throw exc;
    }
    // Yield so that connection_lost() can run: `write(); await drain()` in a loop must see the error.
    if (this._transport.isClosing()) await sleep(0);
    await this._protocol._drainHelper();
  }
}

const RESOLVED: Promise<void> = Promise.resolve();

interface StreamOptions {
  limit?: number;
  sock?: unknown;
  backlog?: number;
  startServing?: boolean;
  localAddr?: readonly [string, number] | null;
  ssl?: unknown;
}

function runningLoop(): BaseEventLoop {
  return getRunningLoop() as BaseEventLoop;
}

function readerFor(loop: BaseEventLoop, options: StreamOptions | undefined): StreamReader {
  return new StreamReader(options?.limit ?? _DEFAULT_LIMIT, loop);
}

function checkSsl(options: StreamOptions | undefined): void {
  if (options?.ssl !== undefined && options.ssl !== null && options.ssl !== false) {
    throw new ValueError('ssl is not supported by the pyts runtime');
  }
}

// The translator passes keyword arguments as a trailing plain object, right after the positional arguments given
// (`open_connection(sock=s)` → `openConnection({ sock: s })`): find it wherever it is.
function splitOptions(args: readonly unknown[], positional: number): [unknown[], StreamOptions | undefined] {
  const values = args.slice(0, positional);
  const last = args.findIndex(
    (a) => typeof a === 'object' && a !== null && Object.getPrototypeOf(a) === Object.prototype,
  );
  if (last === -1) return [values, undefined];
  return [args.slice(0, last), args[last] as StreamOptions];
}

/**
 * asyncio.open_connection(host=None, port=None, *, limit, sock, …): connect to `host:port` (or use `sock`) and
 * return `(reader, writer)`. A refused connection raises ConnectionRefusedError('Connect call failed (host, port)').
 */
export async function openConnection(...args: unknown[]): Promise<readonly [StreamReader, StreamWriter]> {
  const [[host = null, port = null], options] = splitOptions(args, 2) as [
    [string?, number?],
    StreamOptions | undefined,
  ];
  checkSsl(options);
  checkHostPort(host, port, options?.sock);
  const loop = runningLoop();
  const reader = readerFor(loop, options);
  const protocol = new StreamReaderProtocol(reader, null, loop);
  const target =
    options?.sock !== undefined && options.sock !== null
      ? { socket: await awaitForeignPromise(nodeSocketOf(options.sock)) }
      : { host: host!, port: port!, localAddr: options?.localAddr ?? null };
  const transport = await createConnection(loop, protocol, target);
  return tuple(reader, new StreamWriter(transport, protocol, reader, loop));
}

/** asyncio.open_unix_connection(path=None, *, limit, sock, …): open_connection over a Unix domain socket. */
export async function openUnixConnection(...args: unknown[]): Promise<readonly [StreamReader, StreamWriter]> {
  const [[path = null], options] = splitOptions(args, 1) as [[string?], StreamOptions | undefined];
  checkSsl(options);
  const loop = runningLoop();
  const reader = readerFor(loop, options);
  const protocol = new StreamReaderProtocol(reader, null, loop);
  let target: { path: string } | { socket: net.Socket };
  if (options?.sock !== undefined && options.sock !== null) {
    if (path !== null) throw new ValueError('path and sock can not be specified at the same time');
    target = { socket: await awaitForeignPromise(nodeSocketOf(options.sock)) };
  } else {
    if (path === null) throw new ValueError('no path and sock were specified');
    target = { path };
  }
  const transport = await createConnection(loop, protocol, target);
  return tuple(reader, new StreamWriter(transport, protocol, reader, loop));
}

/**
 * asyncio.start_server(client_connected_cb, host=None, port=None, *, limit, backlog, start_serving, …): listen on
 * `host:port` (port 0 picks a free one) and call `client_connected_cb(reader, writer)` for each connection; a
 * coroutine it makes runs as a task.
 */
export async function startServer(clientConnectedCb: ClientConnectedCb, ...args: unknown[]): Promise<Server> {
  const [[host = null, port = null], options] = splitOptions(args, 2) as [
    [(string | readonly string[])?, number?],
    StreamOptions | undefined,
  ];
  checkSsl(options);
  const loop = runningLoop();
  const factory = () => new StreamReaderProtocol(readerFor(loop, options), clientConnectedCb, loop);
  return createServer(
    loop,
    factory,
    { host, port },
    { backlog: options?.backlog, startServing: options?.startServing },
  );
}

/** asyncio.start_unix_server(client_connected_cb, path=None, *, …): start_server on a Unix domain socket. */
export async function startUnixServer(clientConnectedCb: ClientConnectedCb, ...args: unknown[]): Promise<Server> {
  const [[path = null], options] = splitOptions(args, 1) as [[string?], StreamOptions | undefined];
  checkSsl(options);
  if (path === null) throw new ValueError('path was not specified, and no sock specified');
  const loop = runningLoop();
  const factory = () => new StreamReaderProtocol(readerFor(loop, options), clientConnectedCb, loop);
  return createServer(loop, factory, { path }, { backlog: options?.backlog, startServing: options?.startServing });
}
