// Subprocesses (Lib/asyncio/subprocess.py and base_subprocess.py) on Node's child_process: the child's pipes are
// Node sockets wrapped in the stream classes of streams.ts, so `proc.stdout` is a StreamReader and `proc.stdin` a
// StreamWriter with drain(), as in CPython.

import type { ChildProcess, StdioOptions } from 'node:child_process';
import { childProcess, fs } from '../builtins/node-modules.js';
import { constants } from 'node:os';
import { join } from 'node:path';
import type * as net from 'node:net';
import {
  BrokenPipeError,
  ConnectionResetError,
  FileNotFoundError,
  ProcessLookupError,
  TypeError,
  ValueError,
} from '../builtins/exceptions.js';
import type { PyBytes } from '../builtins/bytes.js';
import { isKw } from '../builtins/kw.js';
import { str } from '../builtins/repr.js';
import { tuple } from '../builtins/tuple.js';
import type { BaseEventLoop } from './base-events.js';
import { aw, coro } from './coroutines.js';
import { getRunningLoop } from './events.js';
import type { Future } from './futures.js';
import { callFromNode, trackHandle, untrackHandle } from './io-handles.js';
import { osErrorOf } from './os-errors.js';
import { SocketTransport } from './selector-events.js';
import { _DEFAULT_LIMIT, StreamReader, StreamReaderProtocol, StreamWriter } from './streams.js';
import { gather } from './tasks.js';

/** subprocess.PIPE, STDOUT, DEVNULL (asyncio.subprocess re-exports them). */
export const PIPE = -1;
export const STDOUT = -2;
export const DEVNULL = -3;

type StdioSpec = number | null | undefined;

interface SubprocessOptions {
  stdin?: StdioSpec;
  stdout?: StdioSpec;
  stderr?: StdioSpec;
  limit?: number;
  cwd?: string | null;
  env?: unknown;
  startNewSession?: boolean;
  shell?: boolean;
  universalNewlines?: boolean;
  text?: boolean;
  encoding?: unknown;
  errors?: unknown;
  bufsize?: number;
}

// Popen's stdio arguments as Node's: PIPE → a pipe, DEVNULL → ignored, None → inherited; a file descriptor number
// is passed through.
function stdioOf(spec: StdioSpec, name: string): 'pipe' | 'ignore' | 'inherit' | number {
  if (spec === null || spec === undefined) return 'inherit';
  if (spec === PIPE) return 'pipe';
  if (spec === DEVNULL) return 'ignore';
  if (spec === STDOUT) {
    if (name === 'stderr') return 'pipe';
    throw new ValueError('STDOUT can only be used for stderr');
  }
  if (typeof spec === 'number' && spec >= 0) return spec;
  throw new ValueError(`invalid ${name} argument: ${str(spec)}`);
}

// The environment Popen(env=…) would give: a mapping of str to str (a PyDict or a plain object).
function envOf(env: unknown): NodeJS.ProcessEnv | undefined {
  if (env === null || env === undefined) return undefined;
  const entries: Iterable<readonly [unknown, unknown]> =
    typeof (env as { items?: unknown }).items === 'function'
      ? (env as { items(): Iterable<readonly [unknown, unknown]> }).items()
      : Object.entries(env as object);
  const out: NodeJS.ProcessEnv = {};
  for (const [key, value] of entries) out[String(key)] = String(value);
  return out;
}

/** A signal number as Node names it ('SIGTERM'); IntEnum members (signal.Signals) give their value. */
function signalName(sig: unknown): NodeJS.Signals {
  const value = typeof sig === 'number' ? sig : Number((sig as { value?: unknown })?.value ?? sig);
  for (const [name, number] of Object.entries(constants.signals)) if (number === value) return name as NodeJS.Signals;
  throw new ValueError(`invalid signal number ${value}`);
}

/** asyncio.subprocess.Process: a child process, its pipes as streams, its exit status. */
export class Process {
  static readonly __pyname__ = 'Process';
  // None (null) for a stream that is not a pipe. Typed as present because Python code uses them unguarded once it
  // asked for a pipe (`proc.stdout.readline()`), and the translation calls them the same way.
  readonly stdin: StreamWriter;
  readonly stdout: StreamReader;
  readonly stderr: StreamReader;
  readonly pid: number;
  private _returncode: number | null = null;
  private _finished = false;
  private _exitWaiters: Future<number>[] = [];

  constructor(
    private readonly _child: ChildProcess,
    readonly _loop: BaseEventLoop,
    limit: number,
  ) {
    this.pid = _child.pid ?? -1;
    trackHandle(_loop, _child);
    this.stdin = (_child.stdin ? writerOf(_child.stdin as net.Socket, _loop) : null) as StreamWriter;
    // CPython notices the end of the child's stdin pipe when the child exits (it watches the pipe); Node only
    // when a later write fails.
    const stdinTransport = this.stdin?.transport ?? null;
    this.stdout = (_child.stdout ? readerOf(_child.stdout as net.Socket, _loop, limit) : null) as StreamReader;
    this.stderr = (_child.stderr ? readerOf(_child.stderr as net.Socket, _loop, limit) : null) as StreamReader;
    // 'exit': the status is known (base_subprocess._process_exited); 'close': the pipes are closed too, which is
    // when wait() returns (_try_finish → _call_connection_lost).
    _child.once('exit', (code, signal) => {
      const status = code ?? -(constants.signals[signal as NodeJS.Signals] ?? 0);
      callFromNode(_loop, () => {
        this._returncode = status;
      });
      stdinTransport?._peerClosed();
    });
    _child.once('close', () => {
      callFromNode(_loop, () => this._finish());
    });
  }

  /** The spawn failed: nothing to keep alive or wait for. */
  _abandon(): void {
    this._finished = true;
    untrackHandle(this._loop, this._child);
  }

  private _finish(): void {
    this._finished = true;
    untrackHandle(this._loop, this._child);
    for (const waiter of this._exitWaiters.splice(0)) if (!waiter.cancelled()) waiter.setResult(this._returncode!);
  }

  /** The exit status: None while running, negative signal number if a signal ended it. */
  get returncode(): number | null {
    return this._returncode;
  }

  /** Wait for the process to exit (and its pipes to close); returns the return code. */
  async wait(): Promise<number> {
    if (this._finished) return this._returncode!;
    const waiter = this._loop.createFuture<number>();
    this._exitWaiters.push(waiter);
    return await aw(waiter);
  }

  /** Send `sig`; ProcessLookupError once the process has been waited for. */
  sendSignal(sig: unknown): void {
    if (this._finished) throw new ProcessLookupError();
    this._child.kill(signalName(sig));
  }

  terminate(): void {
    this.sendSignal(constants.signals.SIGTERM);
  }

  kill(): void {
    this.sendSignal(constants.signals.SIGKILL);
  }

  private async _feedStdin(input: PyBytes): Promise<null> {
    try {
      this.stdin!.write(input);
      await this.stdin!.drain();
    } catch (e) {
      // communicate() ignores BrokenPipeError and ConnectionResetError: the child stopped reading.
      if (!(e instanceof BrokenPipeError || e instanceof ConnectionResetError)) throw e;
    }
    this.stdin!.close();
    return null;
  }

  private async _readStream(stream: StreamReader): Promise<PyBytes> {
    const output = await stream.read();
    (stream._transport as SocketTransport | null)?.close();
    return output;
  }

  /**
   * Send `input` to stdin (then close it), read stdout and stderr to EOF, wait for the exit; returns
   * `(stdout_data, stderr_data)`, None for a stream that is not a pipe.
   */
  async communicate(input: PyBytes | null = null): Promise<readonly [PyBytes | null, PyBytes | null]> {
    const none = async (): Promise<null> => null;
    const stdin = input !== null && input !== undefined ? coro(() => this._feedStdin(input)) : coro(none);
    const stdout = this.stdout !== null ? coro(() => this._readStream(this.stdout!)) : coro(none);
    const stderr = this.stderr !== null ? coro(() => this._readStream(this.stderr!)) : coro(none);
    const [, out, err] = (await aw(gather(stdin, stdout, stderr))) as [null, PyBytes | null, PyBytes | null];
    await this.wait();
    return tuple(out, err);
  }

  __repr__(): string {
    return `<Process ${this.pid}>`;
  }
}

function readerOf(pipe: net.Socket, loop: BaseEventLoop, limit: number): StreamReader {
  const reader = new StreamReader(limit, loop);
  const protocol = new StreamReaderProtocol(reader, null, loop);
  protocol.connectionMade(new SocketTransport(loop, pipe, protocol, null, true));
  return reader;
}

function writerOf(pipe: net.Socket, loop: BaseEventLoop): StreamWriter {
  const protocol = new StreamReaderProtocol(new StreamReader(_DEFAULT_LIMIT, loop), null, loop);
  const transport = new SocketTransport(loop, pipe, protocol, null, true);
  protocol.connectionMade(transport);
  return new StreamWriter(transport, protocol, null, loop);
}

// The translator passes keyword arguments as a trailing plain object after the positional ones.
function splitArgs(args: readonly unknown[]): [unknown[], SubprocessOptions] {
  const last = args[args.length - 1];
  if (typeof last === 'object' && last !== null && (Object.getPrototypeOf(last) === Object.prototype || isKw(last))) {
    return [args.slice(0, -1), last as SubprocessOptions];
  }
  return [[...args], {}];
}

async function start(file: string, argv: string[], options: SubprocessOptions, shell: boolean): Promise<Process> {
  const loop = getRunningLoop() as BaseEventLoop;
  if (options.universalNewlines || options.text) throw new ValueError('universal_newlines must be False');
  if (options.encoding !== undefined && options.encoding !== null) throw new ValueError('encoding must be None');
  if (options.bufsize !== undefined && options.bufsize !== 0) throw new ValueError('bufsize must be 0');
  const stdio: StdioOptions = [
    stdioOf(options.stdin, 'stdin'),
    stdioOf(options.stdout, 'stdout'),
    stdioOf(options.stderr, 'stderr'),
  ];
  let command = file;
  let commandArgs = argv;
  if (options.stderr === STDOUT) {
    // stderr=STDOUT: the child's fd 2 must be its stdout pipe, which Node cannot pass; a shell that redirects and
    // then replaces itself with the program (same pid) does it.
    stdio[2] = stdio[1] === 'pipe' ? 'ignore' : stdio[1]!;
    if (shell) commandArgs = ['-c', `exec 2>&1\n${argv[1]}`];
    else {
      // the shell would report a missing program itself; Popen raises FileNotFoundError
      if (!findProgram(file, options)) throw new FileNotFoundError(2, 'No such file or directory', file);
      commandArgs = ['-c', 'exec "$0" "$@" 2>&1', file, ...argv];
      command = '/bin/sh';
    }
  }
  const child = childProcess().spawn(command, commandArgs, {
    stdio,
    cwd: options.cwd ?? undefined,
    env: envOf(options.env),
    detached: options.startNewSession ?? false,
  });
  const started = loop.createFuture<null>();
  child.once('spawn', () => callFromNode(loop, () => started.done() || started.setResult(null)));
  child.once('error', (error) => {
    callFromNode(loop, () => started.done() || started.setException(osErrorOf(error, undefined, file)));
  });
  // Listening from the start: a short-lived child may exit before the spawn is confirmed.
  const process = new Process(child, loop, options.limit ?? _DEFAULT_LIMIT);
  try {
    await aw(started);
  } catch (e) {
    process._abandon();
    throw e;
  }
  return process;
}

/**
 * asyncio.create_subprocess_exec(program, *args, stdin=None, stdout=None, stderr=None, limit=…, **kwds): run
 * `program` with `args` (no shell). A missing program raises FileNotFoundError.
 */
export async function createSubprocessExec(program: unknown, ...rest: unknown[]): Promise<Process> {
  const [args, options] = splitArgs(rest);
  const argv = args.map((a) => pathArg(a));
  return start(pathArg(program), argv, options, false);
}

/** asyncio.create_subprocess_shell(cmd, stdin=None, stdout=None, stderr=None, limit=…, **kwds): `/bin/sh -c cmd`. */
export async function createSubprocessShell(cmd: unknown, ...rest: unknown[]): Promise<Process> {
  const [, options] = splitArgs(rest);
  if (typeof cmd !== 'string' && !isBytes(cmd)) throw new ValueError('cmd must be a string');
  if (options.shell === false) throw new ValueError('shell must be True');
  return start('/bin/sh', ['-c', pathArg(cmd)], options, true);
}

// os.execvp's search: a name with a slash is a path, otherwise each directory of PATH is tried.
function findProgram(file: string, options: SubprocessOptions): boolean {
  const executable = (path: string) => {
    try {
      fs.accessSync(path, fs.constants.X_OK);
      return fs.statSync(path).isFile();
    } catch {
      return false;
    }
  };
  if (file.includes('/')) return executable(options.cwd && !file.startsWith('/') ? join(options.cwd, file) : file);
  const searchPath = envOf(options.env)?.PATH ?? process.env.PATH ?? '/bin:/usr/bin';
  return searchPath.split(':').some((dir) => executable(join(dir || '.', file)));
}

function isBytes(x: unknown): x is PyBytes {
  return typeof x === 'object' && x !== null && typeof (x as PyBytes).decode === 'function';
}

// Popen accepts str, bytes and path-like arguments.
function pathArg(x: unknown): string {
  if (typeof x === 'string') return x;
  if (isBytes(x)) return x.decode();
  if (typeof x === 'object' && x !== null && typeof (x as { __fspath__?: unknown }).__fspath__ === 'function') {
    return (x as { __fspath__(): string }).__fspath__();
  }
  if (typeof x === 'number') throw new TypeError(`expected str, bytes or os.PathLike object, not int`);
  throw new TypeError(`expected str, bytes or os.PathLike object, not ${typeof x}`);
}
