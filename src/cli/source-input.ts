// Reads a Python file (or standard input for '-') through the parser's input guards.
import { readFile } from 'node:fs/promises';
import { readSource, type SourceText } from '../parse/read-source.js';
import { fileNotFound } from './cli-diagnostics.js';

/** The name diagnostics use for standard input. */
export const stdinName = '<stdin>';

/**
 * Reads `path` ('-' for standard input) and decodes it as Python source. A missing file gives PYTS6001; a file the
 * guards refuse (undecodable, binary, too large) gives their diagnostic; either way `source` is null.
 */
export async function readPythonInput(path: string): Promise<SourceText> {
  const file = path === '-' ? stdinName : path;
  let bytes: Uint8Array;
  try {
    bytes = path === '-' ? await readStdin() : await readFile(path);
  } catch {
    return { source: null, diagnostics: [fileNotFound(file)] };
  }
  return readSource(bytes, file);
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
