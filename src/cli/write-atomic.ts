// Writes a file so that a reader sees either the old content or the new one, never a half-written file.
import { rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Temporary files being written now, removed by removeTemporaries() when the process is interrupted. */
const inFlight = new Set<string>();

/** Creates the parent folders, writes a temporary file beside `path`, then renames it over `path`. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  inFlight.add(temporary);
  try {
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    inFlight.delete(temporary);
  }
}

/** Deletes the temporary files of writes still under way (from a signal handler, hence synchronously). */
export function removeTemporaries(): void {
  for (const temporary of inFlight) rmSync(temporary, { force: true });
  inFlight.clear();
}
