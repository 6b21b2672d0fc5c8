// File descriptors the runtime owns and whose readiness Node lets it observe: the socket objects of the socket
// module, and stdin when it is a pipe, a socket or a terminal (builtins/input.ts). Node reads and writes its streams itself and reports no readiness of raw descriptors; what it does report
// is a stream's buffered data ('readable'), its end, and its write buffer's level ('drain'). An object built on
// such a stream says whether a read or a write would go through now, and tells its watchers when that may have
// changed, which is what asyncio's loop.add_reader/add_writer need (asyncio/readiness.ts).

/** Something Node counts towards keeping the process alive (net.Socket, net.Server, ChildProcess). */
export interface Refable {
  ref(): unknown;
  unref(): unknown;
}

/** An object whose readiness for reading and writing the runtime can tell, like a descriptor select() watches. */
export interface ReadinessSource {
  /** A read (recv, accept) would not block: data, EOF, an error or an incoming connection is there. */
  _readyToRead(): boolean;
  /** A write (send) would not block. */
  _readyToWrite(): boolean;
  /** Call `listener` (from a Node event) whenever readiness may have changed, until `_unwatch`. */
  _watch(listener: () => void): void;
  _unwatch(listener: () => void): void;
  /** The Node handle that must stay referenced while a loop waits for this source (null while there is none). */
  _refable(): Refable | null;
}

const sources = new Map<number, ReadinessSource>();

/** `fd` is `source`'s number from now on (until `forgetDescriptor`). */
export function registerDescriptor(fd: number, source: ReadinessSource): void {
  sources.set(fd, source);
}

export function forgetDescriptor(fd: number, source: ReadinessSource): void {
  if (sources.get(fd) === source) sources.delete(fd);
}

/** The source known by descriptor number `fd`, if the runtime owns it. */
export function sourceOfDescriptor(fd: number): ReadinessSource | undefined {
  return sources.get(fd);
}

/**
 * EOF has arrived on a paused Node stream (it emitted or will emit 'readable' for it): the stream's own flag, as Node
 * has no public one before 'end', which only follows a read() that finds the buffer empty.
 */
export function endReceived(stream: NodeJS.ReadableStream): boolean {
  return (stream as unknown as { _readableState: { ended: boolean } })._readableState.ended;
}

/** True if `value` is a readiness source (a runtime socket object). */
export function isReadinessSource(value: unknown): value is ReadinessSource {
  return typeof (value as Partial<ReadinessSource> | null)?._readyToRead === 'function';
}
