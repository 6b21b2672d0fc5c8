// pyts/runtime/socket: the parts of Python's socket module asyncio programs use — `socketpair()`, whose sockets
// can be handed to `asyncio.open_connection(sock=…)` or used directly (`recv`, `send`, non-blocking with
// BlockingIOError, watched by `loop.add_reader`/`add_writer`), `socket.socket()` stream sockets that connect
// (non-blocking `connect`, `loop.sock_connect`), the address-family constants and the exceptions.
//
// A socket object wraps a Node `net.Socket` in paused mode: the bytes Node has read are buffered in the stream,
// `recv` takes them, and the stream's 'readable', 'end', 'connect' and 'drain' events tell when a read or write
// would go through (builtins/file-descriptors.ts). Node has no socketpair(2); a connected pair of Unix domain
// sockets is made through a short-lived listening socket in the temporary directory. The connecting side exists at
// once; the accepted side arrives a turn of Node's event loop later, and until then writes to it are kept and it
// reads as empty.

import type * as net from 'node:net';
import { fs, net as nodeNet } from '../builtins/node-modules.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PyBytes } from '../builtins/bytes.js';
import {
  BlockingIOError,
  BrokenPipeError,
  NotImplementedError,
  OSError,
  TypeError,
  ValueError,
} from '../builtins/exceptions.js';
import { repr } from '../builtins/repr.js';
import { tuple } from '../builtins/tuple.js';
import { typeName } from '../builtins/type-name.js';
import {
  endReceived,
  forgetDescriptor,
  registerDescriptor,
  type ReadinessSource,
  type Refable,
} from '../builtins/file-descriptors.js';
import { osErrorOf } from '../asyncio/os-errors.js';
import { callableClass } from '../collections/python-class.js';

export const AF_UNIX = 1;
export const AF_INET = 2;
export const AF_INET6 = 10;
export const SOCK_STREAM = 1;
export const SOCK_DGRAM = 2;
export const SOL_SOCKET = 1;
export const SO_REUSEADDR = 2;
export const SO_ERROR = 4;
export const IPPROTO_TCP = 6;
export const TCP_NODELAY = 1;
export const SHUT_RD = 0;
export const SHUT_WR = 1;
export const SHUT_RDWR = 2;

/** socket.error is OSError. */
export const error = OSError;
/** socket.timeout is TimeoutError since Python 3.10. */
export { TimeoutError as timeout } from '../builtins/exceptions.js';

/** socket.herror: errors of the host-name functions. */
export class herror extends OSError {
  static override __module__ = 'socket';
}

/** socket.gaierror: address resolution failed (`[Errno -2] Name or service not known`). */
export class gaierror extends OSError {
  static override __module__ = 'socket';
}

// send() takes data until Node's write buffer passes its high-water mark, as a kernel socket buffer fills; the
// socket is writable again once that buffer has been flushed ('drain'), not at the first byte the peer reads.
// Before the accepted side of a pair exists, its writes are kept up to the same amount.
const PENDING_LIMIT = 16 * 1024;
const EMPTY = new Uint8Array(0);

// What `new socket(…)` adopts: set by socketpair() around the constructor call, so that a Python-level
// `socket.socket()` (which the runtime cannot open) stays distinguishable.
let adopting: { node: net.Socket | Promise<net.Socket>; fd: number | null } | null = null;

// connect()'s errno while a non-blocking connection is being made.
const EINPROGRESS = 115;

const BOUND_METHODS = ['recv', 'recvInto', 'send', 'sendall', 'shutdown', 'close', 'fileno'] as const;

/** The bytes of a `send` argument; TypeError like CPython's for anything else. */
function bytesLike(data: unknown): Uint8Array {
  if (data instanceof PyBytes) return data.data;
  if (data instanceof Uint8Array) return data;
  throw new TypeError(`a bytes-like object is required, not ${repr(typeName(data))}`);
}

/**
 * A socket object: one of a `socketpair()`, or a `socket.socket()` stream socket that `connect()` (non-blocking) or
 * `loop.sock_connect` connects. Binding and listening (`bind`, `listen`, `accept`) raise NotImplementedError.
 */
export class SocketObject implements ReadinessSource {
  readonly family: number;
  readonly type: number;
  private _node: net.Socket | null = null;
  // The Node socket, or its promise (the accepted side of a pair); null until connect() for socket.socket().
  private _arrival: Promise<net.Socket> | null;
  private _connectError: NodeJS.ErrnoException | null = null;
  private _address: unknown = null;
  private _fd: number;
  // A descriptor opened on /dev/null only to hold this socket's number while Node has not made its own yet.
  private _placeholderFd: number | null = null;
  private _pendingWrites: Uint8Array[] = [];
  private _pendingBytes = 0;
  private _error: Error | null = null;
  private _closed = false;
  private _detached = false;
  private _blocking = true;
  private _shutRead = false;
  private _shutWrite = false;
  private readonly _watchers = new Set<() => void>();
  private readonly _notify = (): void => {
    for (const listener of [...this._watchers]) listener();
  };
  private readonly _onError = (error: Error): void => {
    this._error ??= error;
    this._notify();
  };

  constructor(family: unknown = AF_INET, type: unknown = SOCK_STREAM, _proto: unknown = 0, _fileno: unknown = null) {
    const adopted = adopting;
    adopting = null;
    this.family = family as number;
    this.type = type as number;
    if (adopted === null) {
      // socket.socket(): a stream socket that connect() (or loop.sock_connect) connects
      if (type !== SOCK_STREAM || (family !== AF_INET && family !== AF_INET6 && family !== AF_UNIX)) {
        throw new NotImplementedError(
          'only stream sockets (SOCK_STREAM over AF_INET, AF_INET6 or AF_UNIX) are supported by the pyts runtime',
        );
      }
      this._arrival = null;
    } else if (adopted.node instanceof Promise) {
      this._arrival = adopted.node;
      adopted.node.then(
        (node) => this._adopt(node),
        (e: Error) => this._onError(e),
      );
    } else {
      this._arrival = Promise.resolve(adopted.node);
      this._adopt(adopted.node);
    }
    const fd = adopted?.fd ?? null;
    if (fd !== null) this._fd = fd;
    else {
      this._placeholderFd = fs.openSync('/dev/null', 'r');
      this._fd = this._placeholderFd;
    }
    registerDescriptor(this._fd, this);
    // Python's bound methods: `loop.call_soon(wsock.send, data)` (asyncio's own docs) passes one whose receiver
    // the translator cannot always see.
    for (const name of BOUND_METHODS) (this as Record<string, unknown>)[name] = this[name].bind(this);
  }

  get proto(): number {
    return 0;
  }

  private _adopt(node: net.Socket): void {
    if (this._closed && !this._detached) {
      node.destroy();
      return;
    }
    this._node = node;
    const writes = this._pendingWrites;
    this._pendingWrites = [];
    this._pendingBytes = 0;
    for (const bytes of writes) node.write(bytes);
    if (this._shutWrite) node.end();
    if (this._detached) return;
    // a 'readable' listener keeps the stream paused: bytes wait in its buffer for recv()
    node.on('readable', this._notify);
    node.on('end', this._notify);
    node.on('drain', this._notify);
    node.on('close', this._notify);
    node.on('error', this._onError);
    this._notify();
  }

  private _release(node: net.Socket): void {
    node.off('readable', this._notify);
    node.off('end', this._notify);
    node.off('drain', this._notify);
    node.off('close', this._notify);
    node.off('error', this._onError);
  }

  private _checkOpen(): void {
    if (this._closed) throw new OSError(9, 'Bad file descriptor');
  }

  // A blocking socket would wait here; JavaScript cannot block, so only a non-blocking socket gets CPython's answer.
  private _wouldBlock(operation: string): never {
    if (!this._blocking) throw new BlockingIOError(11, 'Resource temporarily unavailable');
    throw new NotImplementedError(
      `socket.${operation}() would block, and a blocking socket cannot wait in the pyts runtime: call setblocking(False) and wait with loop.add_reader()/add_writer() or loop.sock_recv()/sock_sendall()`,
    );
  }

  // Up to `n` received bytes; EMPTY at EOF; null when a read would block.
  private _take(n: number): Uint8Array | null {
    if (this._shutRead) return EMPTY;
    const node = this._node;
    if (node !== null && node.readableLength > 0) {
      if (n === 0) return EMPTY;
      const chunk = node.read(Math.min(n, node.readableLength)) as Buffer;
      return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
    }
    if (this._error !== null) {
      const e = this._error;
      this._error = null;
      this._shutRead = true;
      throw osErrorOf(e);
    }
    if (node !== null && (endReceived(node) || node.destroyed)) return EMPTY;
    return null;
  }

  /** Up to `bufsize` bytes received; b'' once the peer closed. BlockingIOError when none are there yet. */
  recv(bufsize: number, _flags = 0): PyBytes {
    this._checkOpen();
    if (bufsize < 0) throw new ValueError('negative buffersize in recv');
    const data = this._take(bufsize);
    if (data === null) this._wouldBlock('recv');
    return new PyBytes(data === EMPTY ? EMPTY : Uint8Array.from(data));
  }

  /** Receive into `buffer` (a bytearray), at most `nbytes` (0: its length); returns the count. */
  recvInto(buffer: unknown, nbytes = 0, _flags = 0): number {
    this._checkOpen();
    const target = bytesLike(buffer);
    if (nbytes < 0) throw new ValueError('negative buffersize in recv_into');
    if (nbytes > target.length) throw new ValueError('buffer too small for requested bytes');
    const data = this._take(nbytes === 0 ? target.length : nbytes);
    if (data === null) this._wouldBlock('recv_into');
    target.set(data);
    return data.length;
  }

  private _checkWritable(): void {
    this._checkOpen();
    const node = this._node;
    if (this._shutWrite || (node !== null && (node.destroyed || node.writableEnded))) {
      throw new BrokenPipeError(32, 'Broken pipe');
    }
    if (this._error !== null) throw osErrorOf(this._error);
  }

  private _write(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (this._node !== null) {
      this._node.write(bytes);
      return;
    }
    // kept until the accepted side arrives; copied, as a bytearray may change before then
    this._pendingWrites.push(Uint8Array.from(bytes));
    this._pendingBytes += bytes.length;
  }

  /** Send `data`; returns the number of bytes taken. BlockingIOError while the send buffer is full. */
  send(data: unknown, _flags = 0): number {
    const bytes = bytesLike(data);
    this._checkWritable();
    if (!this._blocking && !this._readyToWrite()) this._wouldBlock('send');
    this._write(bytes);
    return bytes.length;
  }

  /** Send all of `data`. */
  sendall(data: unknown, _flags = 0): null {
    this.send(data);
    return null;
  }

  /** Shut down reading (SHUT_RD), writing (SHUT_WR: the peer reads EOF) or both. */
  shutdown(how: number): null {
    this._checkOpen();
    if (how !== SHUT_RD && how !== SHUT_WR && how !== SHUT_RDWR) throw new OSError(22, 'Invalid argument');
    if (how !== SHUT_WR) this._shutRead = true;
    if (how !== SHUT_RD && !this._shutWrite) {
      this._shutWrite = true;
      this._node?.end();
    }
    this._notify();
    return null;
  }

  setblocking(flag: unknown): null {
    this._blocking = Boolean(flag);
    return null;
  }

  getblocking(): boolean {
    return this._blocking;
  }

  /** `None`: blocking; 0: non-blocking. A positive timeout makes the socket blocking (with that timeout). */
  settimeout(value: number | null): null {
    if (value !== null && value < 0) throw new ValueError('Timeout value out of range');
    this._blocking = value !== 0;
    return null;
  }

  gettimeout(): number | null {
    return this._blocking ? null : 0;
  }

  /** Close the socket; one given to asyncio belongs to its transport. */
  close(): void {
    if (this._closed) return;
    this._closed = true;
    forgetDescriptor(this._fd, this);
    if (this._placeholderFd !== null) fs.closeSync(this._placeholderFd);
    this._placeholderFd = null;
    const node = this._node;
    if (node !== null && !this._detached) {
      this._release(node);
      node.destroy();
    }
    this._notify();
  }

  /** The Node socket, for asyncio to own from now on. */
  _detach(): Promise<net.Socket> {
    this._checkOpen();
    if (this._arrival === null) throw new OSError(107, 'Transport endpoint is not connected');
    this._detached = true;
    if (this._node !== null) this._release(this._node);
    return this._arrival;
  }

  /**
   * Start connecting to `address` (`(host, port)`, or a path for AF_UNIX). A non-blocking socket raises
   * BlockingIOError (EINPROGRESS) and becomes writable once connected; `getsockopt(SOL_SOCKET, SO_ERROR)` then says
   * whether it failed. A blocking connect cannot wait in the pyts runtime.
   */
  connect(address: unknown): null {
    const code = this.connectEx(address);
    if (code === EINPROGRESS) this._wouldBlock('connect');
    return null;
  }

  /** connect() returning the errno instead of raising: EINPROGRESS (115) while the connection is being made. */
  connectEx(address: unknown): number {
    this._checkOpen();
    if (this._arrival !== null) throw new OSError(106, 'Transport endpoint is already connected');
    let options: net.NetConnectOpts;
    if (this.family === AF_UNIX) {
      if (typeof address !== 'string')
        throw new TypeError(`a bytes-like object is required, not ${repr(typeName(address))}`);
      options = { path: address, allowHalfOpen: true };
    } else {
      const pair = address as readonly unknown[];
      if (!Array.isArray(pair) || pair.length < 2) {
        throw new TypeError(`${this.family === AF_INET ? 'AF_INET' : 'AF_INET6'} address must be a tuple (host, port)`);
      }
      options = { host: String(pair[0]), port: Number(pair[1]), allowHalfOpen: true, noDelay: true };
    }
    this._address = address;
    const node = nodeNet().connect(options);
    node.unref();
    let connected = false;
    node.once('connect', () => {
      connected = true;
      this._notify();
    });
    node.once('error', (e: NodeJS.ErrnoException) => {
      if (!connected) this._connectError = e;
    });
    this._arrival = Promise.resolve(node);
    this._adopt(node);
    return EINPROGRESS;
  }

  /** getsockopt(SOL_SOCKET, SO_ERROR): the errno of a failed connect, else 0; 0 for any other option. */
  getsockopt(level: number, option: number): number {
    this._checkOpen();
    if (level === SOL_SOCKET && option === SO_ERROR && this._connectError !== null) {
      const errno = Number(osErrorOf(this._connectError).errno);
      this._connectError = null;
      return errno;
    }
    return 0;
  }

  /** The Node socket, once there is one (asyncio's transports are keyed by it). */
  _nodeSocket(): net.Socket | null {
    return this._node;
  }

  /** The address a connect() was given, for loop.sock_connect's error message. */
  _connectAddress(): unknown {
    return this._address;
  }

  /** The descriptor number: the socket's own, or one the runtime holds for it until Node has made the socket. */
  fileno(): number {
    return this._closed ? -1 : this._fd;
  }

  getsockname(): unknown {
    const node = this._node;
    if (this.family === AF_UNIX || node === null) return this.family === AF_UNIX ? '' : tuple('0.0.0.0', 0);
    return tuple(node.localAddress ?? '0.0.0.0', node.localPort ?? 0);
  }

  getpeername(): unknown {
    const node = this._node;
    if (this.family === AF_UNIX) return '';
    if (node === null || node.connecting || node.remotePort === undefined) {
      throw new OSError(107, 'Transport endpoint is not connected');
    }
    return tuple(node.remoteAddress!, node.remotePort);
  }

  __enter__(): this {
    return this;
  }

  __exit__(): boolean {
    this.close();
    return false;
  }

  /** A listening socket needs its address bound at once, which Node does a turn of its event loop later. */
  bind(_address: unknown): never {
    throw new NotImplementedError(
      'socket.bind() is not supported by the pyts runtime: listen with asyncio.start_server() or asyncio.start_unix_server()',
    );
  }

  listen(_backlog?: number): never {
    return this.bind(null);
  }

  accept(): never {
    return this.bind(null);
  }

  __repr__(): string {
    const state = this._closed ? ' [closed]' : '';
    let text = `<socket.socket${state} fd=${this.fileno()}, family=${this.family}, type=${this.type}, proto=0`;
    const node = this._node;
    if (
      !this._closed &&
      this.family !== AF_UNIX &&
      node !== null &&
      !node.connecting &&
      node.remotePort !== undefined
    ) {
      text += `, laddr=${repr(this.getsockname())}, raddr=${repr(this.getpeername())}`;
    }
    return text + '>';
  }

  _readyToRead(): boolean {
    if (this._closed || this._detached) return false;
    if (this._shutRead || this._error !== null) return true;
    const node = this._node;
    return node !== null && (node.readableLength > 0 || endReceived(node) || node.destroyed);
  }

  _readyToWrite(): boolean {
    if (this._closed || this._detached) return false;
    const node = this._node;
    if (node === null) return this._arrival !== null && this._pendingBytes < PENDING_LIMIT;
    // connecting: writable once connected, or once the attempt failed (as select() reports a finished connect)
    if (node.connecting) return this._connectError !== null;
    // a send that would fail (EPIPE…) does not block either
    return !node.writableNeedDrain || this._shutWrite || node.destroyed || this._error !== null;
  }

  _watch(listener: () => void): void {
    this._watchers.add(listener);
  }

  _unwatch(listener: () => void): void {
    this._watchers.delete(listener);
  }

  _refable(): Refable | null {
    return this._node;
  }
}

/** `socket.socket(family=AF_INET, type=SOCK_STREAM)`: called as Python calls it (no `new`). */
export const socket = callableClass(SocketObject, 'socket.socket');
export type socket = SocketObject;

/** socket.socketpair(): two connected stream sockets (AF_UNIX, as on Linux). */
export function socketpair(family: number = AF_UNIX, type: number = SOCK_STREAM): readonly [socket, socket] {
  if (family !== AF_UNIX || type !== SOCK_STREAM) {
    throw new ValueError('only AF_UNIX stream socket pairs are supported by the pyts runtime');
  }
  const dir = fs.mkdtempSync(join(tmpdir(), 'pyts-socketpair-'));
  const path = join(dir, 's');
  // Listening on a path binds at once, so the connecting side (and its descriptor) exists when this returns. The
  // server stays referenced (it keeps the process alive) only until the pair is connected; the sockets are
  // unreferenced, and asyncio references them while its loop waits for them.
  const server = nodeNet().createServer({ allowHalfOpen: true });
  server.listen(path);
  const accepted = new Promise<net.Socket>((resolve, reject) => {
    server.once('connection', (sock: net.Socket) => {
      sock.unref();
      resolve(sock);
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    server.once('error', reject);
  });
  const connecting = nodeNet().connect({ path, allowHalfOpen: true });
  connecting.unref();
  const fd = (connecting as unknown as { _handle?: { fd?: number } })._handle?.fd;
  adopting = { node: connecting, fd: typeof fd === 'number' && fd >= 0 ? fd : null };
  const a = new SocketObject(family, type);
  adopting = { node: accepted, fd: null };
  const b = new SocketObject(family, type);
  return tuple(a, b);
}

/** The Node socket inside a socket object given as `sock=` (asyncio takes it over). */
export function nodeSocketOf(sock: unknown): Promise<net.Socket> {
  if (sock instanceof SocketObject) return sock._detach();
  if (sock instanceof nodeNet().Socket) return Promise.resolve(sock);
  throw new ValueError(`A Stream Socket was expected, got ${String(sock)}`);
}
