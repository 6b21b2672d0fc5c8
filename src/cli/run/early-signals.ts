// Ctrl-C that arrives while pyts is still translating or loading the program. CPython starts in a few tens of
// milliseconds; pyts may take longer (translating on a cold cache), and a SIGINT in that window would kill the
// process before the program's own handler exists. The signal is held until the runtime installs its handler
// (when the event loop starts), then handed to it, so the program sees it as CPython's would: as a
// KeyboardInterrupt in the running loop. A program that finishes loading without installing one gets the signal
// re-raised, which ends it as an uncaught KeyboardInterrupt does.

let pending = false;
const hold = () => {
  pending = true;
};

/** Start holding SIGINT (call first thing). */
export function holdEarlySignals(): void {
  process.on('SIGINT', hold);
}

/** Hand a held SIGINT to the program's handler as soon as it has one; stop holding then. */
export function handOverSignals(programLoaded: Promise<unknown>): void {
  const handOver = () => {
    if (process.listenerCount('SIGINT') <= 1) return false;
    process.off('SIGINT', hold);
    if (pending) process.emit('SIGINT', 'SIGINT');
    return true;
  };
  const timer = setInterval(() => handOver() && clearInterval(timer), 5);
  timer.unref();
  void programLoaded.finally(() => {
    if (handOver()) {
      clearInterval(timer);
      return;
    }
    // no handler was installed by the time the module ran to its end: SIGINT means what it means by default
    setImmediate(() => {
      if (process.listenerCount('SIGINT') > 1 || !process.listeners('SIGINT').includes(hold)) return;
      clearInterval(timer);
      process.off('SIGINT', hold);
      if (pending) process.kill(process.pid, 'SIGINT');
    });
  });
}
