// A command line that names an impossible combination: reported like commander's own errors, exit code 2.

/** Thrown by a command for a usage mistake that the option parser cannot see (e.g. a folder without --out-dir). */
export class UsageError extends Error {
  override name = 'UsageError';
}
