// Socket transports and servers (Lib/asyncio/selector_events.py _SelectorSocketTransport, base_events.py Server and
// create_server/create_connection), built on Node's `net`: Node's sockets do the I/O; this module gives them
// asyncio's transport/protocol shape, timing and exceptions.
//
// Node calls back from its own event loop, outside any task step. Data is handed to the protocol at once (it only
// queues the reader's waiting task); connection set-up and connection_lost go through `callSoonThreadsafe`, so
// they run as loop callbacks, as in CPython.

import type * as net from 'node:net';
import { fs, net as nodeNet } from '../builtins/node-modules.js';
import {
  BaseException,
  BrokenPipeError,
  OSError,
  RuntimeError,
  TypeError,
  ValueError,
} from '../builtins/exceptions.js';
import { PyBytes } from '../builtins/bytes.js';
import { repr } from '../builtins/repr.js';
import { tuple } from '../builtins/tuple.js';
import { typeName } from '../builtins/type-name.js';
import type { BaseEventLoop } from './base-events.js';
import { CancelledError } from './exceptions.js';
import { Future } from './futures.js';
import { callFromNode, trackHandle, untrackHandle } from './io-handles.js';
import { osErrorOf } from './os-errors.js';
import { aw } from './coroutines.js';
import { sleep } from './tasks.js';

// selector_events / transports.FlowControlMixin: writing pauses above 64 KiB buffered, resumes at 16 KiB.
const HIGH_WATER = 64 * 1024;
const LOW_WATER = HIGH_WATER / 4;
const AF_UNIX = 1;
const AF_INET = 2;
const AF_INET6 = 10;
const SOCK_STREAM = 1;

/** What a transport calls (asyncio.Protocol). */
export interface Protocol {
  connectionMade(transport: SocketTransport): void;
  dataReceived(data: Uint8Array): void;
  /** False: close the transport (the peer sent EOF and this side has nothing more to say). */
  eofReceived(): boolean;
  connectionLost(exc: BaseException | null): void;
  pauseWriting(): void;
  resumeWriting(): void;
}

/** A connected socket's address as Python's socket module gives it: `(host, port)`, `(host, port, 0, 0)`, a path. */
export function addressOf(host: string | undefined, port: number | undefined, family: string | undefined): unknown {
  if (port === undefined) return host ?? '';
  if (family === 'IPv6' || (host ?? '').includes(':')) return tuple(host ?? '', port, 0, 0);
  return tuple(host ?? '', port);
}

/** asyncio.trsock.TransportSocket: a read-only view of a transport's or server's socket. */
export class TransportSocket {
  static readonly __pyname__ = 'TransportSocket';

  constructor(
    private readonly _sockname: unknown,
    private readonly _peername: unknown,
    readonly family: number,
    private readonly _fd: number,
  ) {}

  get type(): number {
    return SOCK_STREAM;
  }

  get proto(): number {
    return this.family === AF_UNIX ? 0 : 6;
  }

  fileno(): number {
    return this._fd;
  }

  getsockname(): unknown {
    return this._sockname;
  }

  getpeername(): unknown {
    if (this._peername === null) throw new OSError(107, 'Transport endpoint is not connected');
    return this._peername;
  }

  __repr__(): string {
    let s = `<asyncio.TransportSocket fd=${this._fd}, family=${this.family}, type=${this.type}, proto=${this.proto}`;
    if (this._fd !== -1) {
      s += `, laddr=${repr(this._sockname)}`;
      if (this._peername !== null) s += `, raddr=${repr(this._peername)}`;
    }
    return s + '>';
  }
}

function fdOf(handle: net.Socket | net.Server): number {
  const fd = (handle as unknown as { _handle?: { fd?: number } })._handle?.fd;
  return typeof fd === 'number' ? fd : -1;
}

function familyOf(family: string | undefined, unix: boolean): number {
  if (unix) return AF_UNIX;
  return family === 'IPv6' ? AF_INET6 : AF_INET;
}

/** The bytes of `data` for a transport write; TypeError for anything that is not bytes-like. */
export function bytesData(data: unknown): Uint8Array {
  if (data instanceof PyBytes) return data.data;
  if (data instanceof Uint8Array) return data;
  throw new TypeError(`data argument must be a bytes-like object, not ${repr(typeName(data))}`);
}

// The transport that owns each Node socket, and each descriptor, until its connection is lost
// (BaseSelectorEventLoop._transports).
const transportsBySocket = new WeakMap<net.Socket, SocketTransport>();
const transportsByFd = new Map<number, SocketTransport>();

/** The transport using `sock` or the descriptor `fd`, if one does (selector_events._ensure_fd_no_transport). */
export function transportUsing(sock: net.Socket | null, fd: number): SocketTransport | undefined {
  return (sock === null ? undefined : transportsBySocket.get(sock)) ?? transportsByFd.get(fd);
}

/** A connected stream socket (selector_events._SelectorSocketTransport) over a Node `net.Socket`. */
export class SocketTransport {
  static readonly __pyname__ = '_SelectorSocketTransport';
  _closing = false;
  _eof = false;
  /** Set once Node closed the socket: connection_lost is queued. */
  _connLost = false;
  private _writingPaused = false;
  private _readingPaused = false;
  private _error: unknown = null;
  private readonly _extra: Map<string, unknown>;
  private readonly _fd: number;

  constructor(
    readonly _loop: BaseEventLoop,
    readonly _sock: net.Socket,
    private _protocol: Protocol,
    private readonly _server: Server | null,
    unix: boolean,
  ) {
    // base_events._set_nodelay: asyncio turns Nagle's algorithm off for TCP.
    if (!unix) _sock.setNoDelay(true);
    const sockname = unix ? (_server?._path ?? '') : addressOf(_sock.localAddress, _sock.localPort, _sock.localFamily);
    const peername = unix
      ? _server === null
        ? ((_sock as unknown as { _pyPath?: string })._pyPath ?? '')
        : ''
      : addressOf(_sock.remoteAddress, _sock.remotePort, _sock.remoteFamily);
    this._extra = new Map<string, unknown>([
      ['peername', peername],
      ['sockname', sockname],
      ['socket', new TransportSocket(sockname, peername, familyOf(_sock.remoteFamily, unix), fdOf(_sock))],
    ]);
    trackHandle(_loop, _sock);
    transportsBySocket.set(_sock, this);
    this._fd = fdOf(_sock);
    if (this._fd >= 0) transportsByFd.set(this._fd, this);
    _server?._attach();
    _sock.on('data', (chunk: Buffer) => {
      if (!this._closing) this._protocol.dataReceived(chunk);
    });
    _sock.on('end', () => {
      if (this._closing) return;
      if (!this._protocol.eofReceived()) this.close();
    });
    _sock.on('drain', () => {
      if (this._writingPaused && _sock.writableLength <= LOW_WATER) {
        this._writingPaused = false;
        this._protocol.resumeWriting();
      }
    });
    _sock.on('error', (error: Error) => {
      this._error ??= error;
    });
    _sock.on('close', () => {
      if (this._connLost) return;
      this._connLost = true;
      this._closing = true;
      const exc = this._error === null ? null : osErrorOf(this._error);
      callFromNode(this._loop, callConnectionLost, this, exc);
    });
  }

  /** transport.get_extra_info: 'peername', 'sockname', 'socket', or `fallback`. */
  // any: what Python code does with the value depends on the name asked for (`.fileno()` of the socket…)
  getExtraInfo(name: string, fallback: unknown = null): any {
    return this._extra.has(name) ? this._extra.get(name) : fallback;
  }

  isClosing(): boolean {
    return this._closing;
  }

  isReading(): boolean {
    return !this._closing && !this._readingPaused;
  }

  pauseReading(): void {
    if (this._closing || this._readingPaused) return;
    this._readingPaused = true;
    this._sock.pause();
  }

  resumeReading(): void {
    if (this._closing || !this._readingPaused) return;
    this._readingPaused = false;
    this._sock.resume();
  }

  /** Queue `data` to be sent; writes after the connection was lost are dropped, as asyncio does. */
  write(data: unknown): void {
    const bytes = bytesData(data);
    if (this._eof) throw new RuntimeError('Cannot call write() after write_eof()');
    if (bytes.length === 0) return;
    if (this._connLost || this._closing) return;
    this._sock.write(bytes);
    if (!this._writingPaused && this._sock.writableLength > HIGH_WATER) {
      this._writingPaused = true;
      this._protocol.pauseWriting();
    }
  }

  writelines(lines: Iterable<unknown>): void {
    for (const line of lines) this.write(line);
  }

  /** Half-close: send EOF after the buffered data; the peer can still send. */
  writeEof(): void {
    if (this._closing || this._eof) return;
    this._eof = true;
    this._sock.end();
  }

  canWriteEof(): boolean {
    return true;
  }

  getWriteBufferSize(): number {
    return this._sock.writableLength;
  }

  /** Close after the buffered data is sent; the protocol's connection_lost(None) follows. */
  close(): void {
    if (this._closing) return;
    this._closing = true;
    const sock = this._sock;
    if (sock.destroyed) return;
    if (sock.writableLength === 0 || sock.writableEnded) sock.destroy();
    else sock.end(() => sock.destroy());
  }

  /**
   * The reading end of a pipe went away (unix_events._UnixWritePipeTransport._read_ready): close now; the loss is
   * a BrokenPipeError only if data was still waiting to be written.
   */
  _peerClosed(): void {
    if (this._connLost) return;
    this._connLost = true;
    this._closing = true;
    const exc = this._sock.writableLength > 0 ? new BrokenPipeError(32, 'Broken pipe') : null;
    this._sock.destroy();
    callFromNode(this._loop, callConnectionLost, this, exc);
  }

  /** Close at once, dropping buffered data. */
  abort(): void {
    this._closing = true;
    this._sock.destroy();
  }

  _connectionLost(exc: BaseException | null): void {
    untrackHandle(this._loop, this._sock);
    transportsBySocket.delete(this._sock);
    if (transportsByFd.get(this._fd) === this) transportsByFd.delete(this._fd);
    try {
      this._protocol.connectionLost(exc);
    } finally {
      this._server?._detach();
    }
  }

  __repr__(): string {
    const fd = this._connLost ? 'closed' : `fd=${fdOf(this._sock)}`;
    return `<_SelectorSocketTransport ${fd} read=${this.isReading() ? 'polling' : 'idle'} write=<idle, bufsize=${this._sock.writableLength}>>`;
  }
}

function callConnectionLost(transport: SocketTransport, exc: BaseException | null): void {
  transport._connectionLost(exc);
}

/** Makes the protocol of each accepted connection. */
export type ProtocolFactory = () => Protocol;

/** asyncio.Server (base_events.Server): listening sockets and the connections they accepted. */
export class Server {
  static readonly __pyname__ = 'Server';
  private _sockets: TransportSocket[] | null;
  private _activeCount = 0;
  private _waiters: Future<null>[] | null = [];
  private _serving = false;
  private _servingForeverFut: Future<null> | null = null;
  private readonly _pendingConnections: net.Socket[] = [];

  constructor(
    private readonly _loop: BaseEventLoop,
    private readonly _servers: net.Server[],
    private readonly _protocolFactory: ProtocolFactory,
    readonly _path: string | null,
  ) {
    this._sockets = _servers.map((server) => {
      const address = server.address();
      const sockname =
        typeof address === 'string' || address === null
          ? (address ?? '')
          : addressOf(address.address, address.port, address.family);
      const family = typeof address === 'string' || address === null ? AF_UNIX : familyOf(address.family, false);
      return new TransportSocket(sockname, null, family, fdOf(server));
    });
    for (const server of _servers) {
      trackHandle(_loop, server);
      server.on('connection', (sock: net.Socket) => callFromNode(_loop, acceptConnection, this, sock));
    }
  }

  _accept(sock: net.Socket): void {
    if (this._sockets === null) {
      sock.destroy();
      return;
    }
    if (!this._serving) {
      this._pendingConnections.push(sock);
      return;
    }
    const protocol = this._protocolFactory();
    const transport = new SocketTransport(this._loop, sock, protocol, this, this._path !== null);
    protocol.connectionMade(transport);
  }

  _attach(): void {
    this._activeCount += 1;
  }

  _detach(): void {
    this._activeCount -= 1;
    if (this._activeCount === 0 && this._sockets === null) this._wakeup();
  }

  private _wakeup(): void {
    const waiters = this._waiters;
    this._waiters = null;
    for (const waiter of waiters ?? []) if (!waiter.done()) waiter.setResult(null);
  }

  /** The listening sockets, as a tuple (empty once closed). */
  get sockets(): readonly TransportSocket[] {
    return this._sockets === null ? tuple() : tuple(...this._sockets);
  }

  getLoop(): BaseEventLoop {
    return this._loop;
  }

  isServing(): boolean {
    return this._serving;
  }

  _startServing(): void {
    if (this._serving) return;
    this._serving = true;
    for (const sock of this._pendingConnections.splice(0)) this._accept(sock);
  }

  /** Stop listening; connections already accepted stay open. */
  close(): void {
    const sockets = this._sockets;
    if (sockets === null) return;
    this._sockets = null;
    for (const server of this._servers) {
      server.close();
      untrackHandle(this._loop, server);
    }
    for (const sock of this._pendingConnections.splice(0)) sock.destroy();
    this._serving = false;
    if (this._servingForeverFut !== null && !this._servingForeverFut.done()) this._servingForeverFut.cancel();
    this._servingForeverFut = null;
    if (this._activeCount === 0) this._wakeup();
  }

  async startServing(): Promise<void> {
    this._startServing();
  }

  /** Accept connections until cancelled; cancelling closes the server and waits for it (Server.serve_forever). */
  async serveForever(): Promise<void> {
    if (this._servingForeverFut !== null) {
      throw new RuntimeError(`server ${repr(this)} is already being awaited on serve_forever()`);
    }
    if (this._sockets === null) throw new RuntimeError(`server ${repr(this)} is closed`);
    this._startServing();
    this._servingForeverFut = this._loop.createFuture<null>();
    try {
      await aw(this._servingForeverFut);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      try {
        this.close();
        await this.waitClosed();
      } finally {
        // the CancelledError is re-raised whatever wait_closed did (`finally: raise`)
        // eslint-disable-next-line no-unsafe-finally
        throw e;
      }
    } finally {
      this._servingForeverFut = null;
    }
  }

  /** Wait until the server is closed and its connections are gone (3.11: returns at once once closed). */
  async waitClosed(): Promise<void> {
    if (this._sockets === null || this._waiters === null) return;
    const waiter = this._loop.createFuture<null>();
    this._waiters.push(waiter);
    await aw(waiter);
  }

  async __aenter__(): Promise<this> {
    return this;
  }

  async __aexit__(..._exc: unknown[]): Promise<void> {
    this.close();
    await this.waitClosed();
  }

  __repr__(): string {
    return `<Server sockets=${repr(this.sockets)}>`;
  }
}

function acceptConnection(server: Server, sock: net.Socket): void {
  server._accept(sock);
}

/** Where to listen: a TCP host/port or a Unix socket path. */
export type ListenTarget = { host: string | null | readonly string[]; port: number | null } | { path: string };

/** Listen with Node's `net`, resolving once listening (loop.create_server / create_unix_server). */
export async function createServer(
  loop: BaseEventLoop,
  protocolFactory: ProtocolFactory,
  target: ListenTarget,
  options: { backlog?: number; startServing?: boolean },
): Promise<Server> {
  const backlog = options.backlog ?? 100;
  const servers: net.Server[] = [];
  const hosts = 'path' in target ? [null] : Array.isArray(target.host) ? target.host : [target.host as string | null];
  try {
    for (const host of hosts) {
      const server = nodeNet().createServer({ allowHalfOpen: true, pauseOnConnect: false });
      servers.push(server);
      if ('path' in target) removeStaleSocket(target.path);
      await listen(
        loop,
        server,
        'path' in target
          ? { path: target.path, backlog }
          : { host: host ?? undefined, port: target.port ?? 0, backlog },
        'path' in target ? target.path : tuple(host ?? '0.0.0.0', target.port ?? 0),
      );
    }
  } catch (e) {
    for (const server of servers) server.close();
    throw e;
  }
  const server = new Server(loop, servers, protocolFactory, 'path' in target ? target.path : null);
  if (options.startServing ?? true) {
    server._startServing();
    // base_events.create_server: "Skip one loop iteration so that all 'loop.add_reader' go through."
    await sleep(0);
  }
  return server;
}

// base_events.create_unix_server: a socket file left behind by an earlier server is removed first.
function removeStaleSocket(path: string): void {
  if (!fs.existsSync(path)) return;
  if (fs.statSync(path).isSocket()) fs.unlinkSync(path);
}

async function listen(
  loop: BaseEventLoop,
  server: net.Server,
  options: net.ListenOptions,
  address: unknown,
): Promise<void> {
  const fut = loop.createFuture<null>();
  const onError = (error: NodeJS.ErrnoException) => {
    const base = osErrorOf(error);
    const text = String(base.strerror).toLowerCase();
    callFromNode(loop, () => {
      if (!fut.done())
        fut.setException(
          new OSError(base.errno, `error while attempting to bind on address ${repr(address)}: ${text}`),
        );
    });
  };
  server.once('error', onError);
  server.listen(options, () => {
    server.removeListener('error', onError);
    callFromNode(loop, () => {
      if (!fut.done()) fut.setResult(null);
    });
  });
  await aw(fut);
}

/** Where to connect: TCP host/port, a Unix socket path, or an already connected Node socket. */
export type ConnectTarget =
  | { host: string; port: number; localAddr?: readonly [string, number] | null }
  | { path: string }
  | { socket: net.Socket };

/** Connect with Node's `net` (loop.create_connection / create_unix_connection) and make the transport. */
export async function createConnection(
  loop: BaseEventLoop,
  protocol: Protocol,
  target: ConnectTarget,
): Promise<SocketTransport> {
  let sock: net.Socket;
  if ('socket' in target) {
    sock = target.socket;
  } else {
    const fut = loop.createFuture<null>();
    sock =
      'path' in target
        ? nodeNet().connect({ path: target.path, allowHalfOpen: true })
        : nodeNet().connect({
            host: target.host,
            port: target.port,
            allowHalfOpen: true,
            ...(target.localAddr ? { localAddress: target.localAddr[0], localPort: target.localAddr[1] } : {}),
          });
    if ('path' in target) (sock as unknown as { _pyPath?: string })._pyPath = target.path;
    trackHandle(loop, sock);
    const onError = (error: NodeJS.ErrnoException) => {
      callFromNode(loop, () => {
        if (!fut.done()) fut.setException(connectError(error, target));
      });
    };
    sock.once('error', onError);
    sock.once('connect', () => {
      sock.removeListener('error', onError);
      callFromNode(loop, () => {
        if (!fut.done()) fut.setResult(null);
      });
    });
    try {
      await aw(fut);
    } catch (e) {
      sock.destroy();
      throw e;
    } finally {
      untrackHandle(loop, sock);
    }
  }
  const transport = new SocketTransport(loop, sock, protocol, null, 'path' in target || isUnixSocket(sock));
  protocol.connectionMade(transport);
  return transport;
}

function isUnixSocket(sock: net.Socket): boolean {
  return sock.remotePort === undefined && sock.localPort === undefined;
}

// selector_events.sock_connect: `OSError(err, f'Connect call failed {address}')`; several addresses tried (a name
// with IPv4 and IPv6 addresses) give base_events' "Multiple exceptions: …".
function connectError(error: NodeJS.ErrnoException, target: ConnectTarget): OSError {
  if ('path' in target) return osErrorOf(error);
  const attempts = (error as unknown as { errors?: NodeJS.ErrnoException[] }).errors;
  const one = (e: NodeJS.ErrnoException): OSError => {
    const address = (e as unknown as { address?: string }).address ?? ('host' in target ? target.host : '');
    const port = (e as unknown as { port?: number }).port ?? ('port' in target ? target.port : 0);
    if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return new OSError(-2, 'Name or service not known');
    const base = osErrorOf(e);
    const text = e.code === 'ECONNREFUSED' ? 'Connect call failed' : String(base.strerror);
    return new (base.constructor as new (...args: unknown[]) => OSError)(
      base.errno,
      `${text} ${repr(addressOf(address, port, address.includes(':') ? 'IPv6' : 'IPv4'))}`,
    );
  };
  if (attempts && attempts.length > 1) {
    const parts = attempts.map((e) => one(e));
    const model = parts[0]!.__str__();
    if (parts.every((p) => p.__str__() === model)) return parts[0]!;
    return new OSError(`Multiple exceptions: ${parts.map((p) => p.__str__()).join(', ')}`);
  }
  return one(attempts?.[0] ?? error);
}

/** `host`/`port` checks shared by open_connection and start_server (base_events.create_connection). */
export function checkHostPort(host: unknown, port: unknown, sock: unknown): void {
  if (sock === null || sock === undefined) {
    if (host === null || host === undefined) {
      if (port === null || port === undefined)
        throw new ValueError('host and port was not specified and no sock specified');
    }
  } else if ((host !== null && host !== undefined) || (port !== null && port !== undefined)) {
    throw new ValueError('host/port and sock can not be specified at the same time');
  }
}
