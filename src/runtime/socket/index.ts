// pyts/runtime/socket: the parts of Python's socket module asyncio programs use with streams — `socketpair()` to
// hand to `asyncio.open_connection(sock=…)`, the address-family constants and the module's exceptions.
//
// Node has no socketpair(2); a connected pair of Unix domain sockets is made through a short-lived listening
// socket in the temporary directory. That takes a turn of Node's event loop, so a socket object holds the promise
// of its Node socket, which asyncio awaits when it adopts it.

import type * as net from 'node:net';
import { fs, net as nodeNet } from '../builtins/node-modules.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OSError, ValueError } from '../builtins/exceptions.js';
import { tuple } from '../builtins/tuple.js';

export const AF_UNIX = 1;
export const AF_INET = 2;
export const AF_INET6 = 10;
export const SOCK_STREAM = 1;
export const SOCK_DGRAM = 2;
export const SOL_SOCKET = 1;
export const SO_REUSEADDR = 2;
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

/** A socket object. Only sockets made by `socketpair()` exist here; asyncio adopts them with `sock=`. */
export class socket {
  static readonly __pyname__ = 'socket';
  private _closed = false;
  private _detached = false;

  constructor(
    readonly _ready: Promise<net.Socket>,
    readonly family: number,
    readonly type: number,
  ) {}

  get proto(): number {
    return 0;
  }

  /** Close the socket; one given to asyncio belongs to its transport. */
  close(): void {
    if (this._closed) return;
    this._closed = true;
    if (!this._detached)
      this._ready.then(
        (s) => s.destroy(),
        () => undefined,
      );
  }

  /** The Node socket, for asyncio to own from now on. */
  _detach(): Promise<net.Socket> {
    if (this._closed) throw new OSError(9, 'Bad file descriptor');
    this._detached = true;
    return this._ready;
  }

  setblocking(_flag: boolean): void {}

  getsockname(): unknown {
    return '';
  }

  fileno(): number {
    return this._closed ? -1 : 0;
  }

  __enter__(): this {
    return this;
  }

  __exit__(): boolean {
    this.close();
    return false;
  }

  __repr__(): string {
    return `<socket.socket${this._closed ? ' [closed]' : ''} family=${this.family}, type=${this.type}, proto=0>`;
  }
}

/** socket.socketpair(): two connected stream sockets (AF_UNIX, as on Linux). */
export function socketpair(family: number = AF_UNIX, type: number = SOCK_STREAM): readonly [socket, socket] {
  if (family !== AF_UNIX || type !== SOCK_STREAM) {
    throw new ValueError('only AF_UNIX stream socket pairs are supported by the pyts runtime');
  }
  const dir = fs.mkdtempSync(join(tmpdir(), 'pyts-socketpair-'));
  const path = join(dir, 's');
  // The server stays referenced (it keeps the process alive) only until the pair is connected; the sockets are
  // unreferenced then, and asyncio references them while its loop runs.
  const server = nodeNet().createServer({ allowHalfOpen: true });
  const accepted = new Promise<net.Socket>((resolve, reject) => {
    server.once('connection', (sock: net.Socket) => {
      sock.unref();
      resolve(sock);
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    server.once('error', reject);
  });
  const connected = new Promise<net.Socket>((resolve, reject) => {
    server.listen(path, () => {
      const sock = nodeNet().connect({ path, allowHalfOpen: true });
      sock.once('connect', () => {
        sock.unref();
        resolve(sock);
      });
      sock.once('error', reject);
    });
  });
  return tuple(new socket(connected, family, type), new socket(accepted, family, type));
}

/** The Node socket inside a socket object given as `sock=` (asyncio takes it over). */
export function nodeSocketOf(sock: unknown): Promise<net.Socket> {
  if (sock instanceof socket) return sock._detach();
  if (sock instanceof nodeNet().Socket) return Promise.resolve(sock);
  throw new ValueError(`A Stream Socket was expected, got ${String(sock)}`);
}
