// A progress bar on stderr for long tree runs: only on a terminal, never in CI or when stderr is piped (a log
// full of carriage returns helps nobody).
import type { ProjectOptions } from './project.js';

/** Runs of fewer files finish before a bar would be worth reading. */
const minFilesForBar = 20;

export interface Progress {
  onProgress: NonNullable<ProjectOptions['onProgress']>;
  stop(): void;
}

/** A bar for `total` files, or null when none should be shown. */
export async function startProgress(total: number): Promise<Progress | null> {
  if (total < minFilesForBar || process.stderr.isTTY !== true || isCi()) return null;
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: 'translating [{bar}] {value}/{total} {file}',
      clearOnComplete: true,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { file: '' });
  return {
    onProgress: (done, _total, file) => bar.update(done, { file }),
    stop: () => bar.stop(),
  };
}

function isCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}
