// Turns a file's bytes into source text the way CPython's tokenizer does (PEP 263 coding declarations, a UTF-8
// BOM, UTF-8 by default), refusing what CPython refuses (null bytes, undecodable bytes) and files too large to
// parse safely. Each refusal is one diagnostic; nothing throws.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createDiagnostic } from '../diagnostics/codes.js';
import { LineIndex } from './positions.js';

/** Largest source accepted, in bytes. A 10 MB file parses in about a second; 20 MB leaves headroom. */
export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

export interface SourceText {
  /** the decoded text, or null when the file cannot be read as Python source */
  source: string | null;
  diagnostics: Diagnostic[];
}

// PEP 263: `coding[:=]name` in a comment on line 1 or 2 (Parser/tokenizer.c `get_coding_spec`).
const CODING_DECLARATION = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const LATIN_1 = new Set(['latin-1', 'latin1', 'iso-8859-1', 'iso8859-1', 'iso-latin-1', 'l1', 'cp819', '8859', 'latin']);
const UTF_8 = new Set(['utf-8', 'utf8', 'utf-8-sig']);

/** Decodes the bytes of the Python file `file` (used only to label diagnostics). */
export function readSource(bytes: Uint8Array, file: string): SourceText {
  if (bytes.length > MAX_SOURCE_BYTES) {
    const megabytes = (bytes.length / (1024 * 1024)).toFixed(1);
    return refuse(createDiagnostic('file-too-large', { file, range: null, args: [megabytes, MAX_SOURCE_BYTES / (1024 * 1024)] }));
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return refuse(createDiagnostic('binary-file', { file, range: null, hint: `The first null byte is at byte offset ${nul}; is this a binary file?` }));
  }
  let body = bytes;
  let declared: string | null = null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) body = bytes.subarray(3);
  else declared = codingDeclaration(bytes);
  const encoding = declared === null ? 'utf-8' : declared.toLowerCase().replace(/_/g, '-');
  if (LATIN_1.has(encoding)) return { source: decodeLatin1(body), diagnostics: [] };
  if (!UTF_8.has(encoding)) return decodeDeclared(body, encoding, declared!, file);
  try {
    return { source: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), diagnostics: [] };
  } catch {
    return refuse(utf8Error(body, file));
  }
}

function refuse(diagnostic: Diagnostic): SourceText {
  return { source: null, diagnostics: [diagnostic] };
}

function codingDeclaration(bytes: Uint8Array): string | null {
  // Only ASCII matters for the declaration; reading the first two lines byte-wise avoids decoding the file.
  let end = 0;
  for (let line = 0; line < 2 && end < bytes.length; line++) {
    let next = bytes.indexOf(0x0a, end);
    if (next === -1) next = bytes.length;
    const text = String.fromCharCode(...bytes.subarray(end, Math.min(next, end + 200)));
    const match = CODING_DECLARATION.exec(text);
    if (match !== null) return match[1]!;
    // CPython looks at line 2 only when line 1 is a comment or blank.
    if (!/^[ \t\f]*(?:#.*)?\r?$/.test(text)) return null;
    end = next + 1;
  }
  return null;
}

function decodeLatin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

function decodeDeclared(bytes: Uint8Array, encoding: string, declared: string, file: string): SourceText {
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(encoding === 'ascii' ? 'utf-8' : encoding, { fatal: true });
  } catch {
    // CPython: "SyntaxError: encoding problem: klingon".
    return refuse(createDiagnostic('unsupported-encoding', { file, range: null, args: [declared] }));
  }
  if (encoding === 'ascii') {
    const bad = bytes.findIndex((byte) => byte > 0x7f);
    if (bad !== -1) return refuse(decodeFailure(bytes, bad, 'ascii', 'ordinal not in range(128)', file));
  }
  try {
    return { source: decoder.decode(bytes), diagnostics: [] };
  } catch {
    return refuse(createDiagnostic('unsupported-encoding', { file, range: null, args: [declared], hint: `The file is not valid ${declared}.` }));
  }
}

/** Locates the first invalid UTF-8 sequence and describes it as CPython's codec does. */
function utf8Error(bytes: Uint8Array, file: string): Diagnostic {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return decodeFailure(bytes, i, 'utf-8', 'invalid start byte', file);
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return decodeFailure(bytes, i, 'utf-8', 'unexpected end of data', file);
      const next = bytes[i + k]!;
      // The second byte's range is narrower after E0, ED, F0 and F4 (no overlongs, surrogates or > U+10FFFF).
      const low = k === 1 && lead === 0xe0 ? 0xa0 : k === 1 && lead === 0xf0 ? 0x90 : 0x80;
      const high = k === 1 && lead === 0xed ? 0x9f : k === 1 && lead === 0xf4 ? 0x8f : 0xbf;
      if (next < low || next > high) return decodeFailure(bytes, i, 'utf-8', 'invalid continuation byte', file);
    }
    i += length;
  }
  return decodeFailure(bytes, 0, 'utf-8', 'invalid start byte', file);
}

/**
 * CPython's message, `(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte`,
 * counts the position inside the string literal holding the byte; pyts counts it inside the line, and points
 * at the line and column of the byte.
 */
function decodeFailure(bytes: Uint8Array, offset: number, codec: string, reason: string, file: string): Diagnostic {
  const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const lines = new LineIndex(before.replace(/\r\n?/g, '\n'));
  const position = lines.position(before.length);
  const hex = bytes[offset]!.toString(16).padStart(2, '0');
  return createDiagnostic('unicode-decode-error', {
    file,
    range: { start: position, end: { line: position.line, col: position.col + 1 } },
    args: [codec, hex, offset - lineStart, reason],
    hint: "Save the file as UTF-8, or declare its encoding on line 1 or 2 ('# -*- coding: latin-1 -*-').",
  });
}
