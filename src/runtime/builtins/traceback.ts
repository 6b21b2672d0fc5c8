// CPython's traceback text (Lib/traceback.py TracebackException.format): the chain of causes and contexts, each
// with a `Traceback (most recent call last):` header, frames, and the last line `Name: message`.
//
// Frames are JS frames of the translated code (runtime-internal frames are left out) and only exist for exceptions
// whose JS stack was recorded (`captureTraceback`); what the oracle compares is the last line.

import { BaseException, BaseExceptionGroup } from './exceptions.js';
import { className, str } from './repr.js';
import { toPyException } from './to-py-exception.js';

const CAUSE_HEADER = '\nThe above exception was the direct cause of the following exception:\n\n';
const CONTEXT_HEADER = '\nDuring handling of the above exception, another exception occurred:\n\n';

/**
 * The text CPython prints for an uncaught exception (`traceback.format_exception`), without a trailing newline:
 * earlier exceptions of the chain first, then the traceback header, frames and `Name: message` of `exc` itself.
 */
export function formatException(exc: unknown): string {
  return formatChain(toPyException(exc), new Set()).join('\n');
}

/** The last traceback line alone: `ValueError: message`, or `ValueError` when str(exc) is empty. */
export function formatExceptionOnly(exc: unknown): string {
  const e = toPyException(exc);
  const cls = e.constructor as typeof BaseException;
  const name = cls.__module__ === '__main__' ? cls.__qualname__ : className(cls);
  let text: string;
  try {
    text = str(e);
  } catch {
    // Lib/traceback.py _safe_string: a failing __str__ prints this placeholder.
    text = '<exception str() failed>';
  }
  return text === '' ? name : `${name}: ${text}`;
}

function formatChain(exc: BaseException, seen: Set<BaseException>): string[] {
  seen.add(exc);
  const lines: string[] = [];
  // Lib/traceback.py: an explicit cause wins; the context is shown unless `raise … from …` suppressed it.
  if (exc.__cause__ !== null && !seen.has(exc.__cause__)) {
    lines.push(...formatChain(exc.__cause__, seen), CAUSE_HEADER.slice(0, -1));
  } else if (exc.__context__ !== null && !exc.__suppress_context__ && !seen.has(exc.__context__)) {
    lines.push(...formatChain(exc.__context__, seen), CONTEXT_HEADER.slice(0, -1));
  }
  if (exc instanceof BaseExceptionGroup) lines.push(...formatGroup(exc, seen, 0));
  else lines.push('Traceback (most recent call last):', ...formatFrames(exc), formatExceptionOnly(exc));
  return lines;
}

// The boxed tree CPython 3.11 prints for exception groups (Lib/traceback.py _ExceptionPrintContext).
function formatGroup(group: BaseExceptionGroup, seen: Set<BaseException>, depth: number): string[] {
  const lines = [
    '+ Exception Group Traceback (most recent call last):',
    ...formatFrames(group).map((line) => '| ' + line),
    '| ' + formatExceptionOnly(group),
  ];
  const count = group.exceptions.length;
  group.exceptions.forEach((member, i) => {
    const label = ` ${i + 1} `;
    const ruler = '-'.repeat(Math.floor((32 - label.length) / 2));
    const open = `${i === 0 ? '+-+' : '  +'}${ruler}${label}${'-'.repeat(32 - ruler.length - label.length)}`;
    lines.push(open);
    const body =
      member instanceof BaseExceptionGroup ? formatGroup(member, seen, depth + 1) : formatChain(member, seen);
    const indented = body.map((line) => (member instanceof BaseExceptionGroup ? '  ' + line : '  | ' + line));
    lines.push(...indented);
    if (i === count - 1) lines.push('  +------------------------------------');
  });
  return lines.map((line, index) => (depth === 0 && index === 0 ? '  ' + line : '  ' + line));
}

// Frames from the recorded JS stack, oldest first as Python prints them, without the runtime's own frames.
function formatFrames(exc: BaseException): string[] {
  const stack = exc.__jsstack__;
  if (stack === undefined) return [];
  const frames: string[] = [];
  for (const line of stack.split('\n')) {
    const match = /^\s+at (?:(.+?) \()?(.+?):(\d+):\d+\)?$/.exec(line);
    if (match === null) continue;
    const [, fn, location, lineNumber] = match;
    if (location!.startsWith('node:') || location!.startsWith(RUNTIME_ROOT)) continue;
    const file = location!.startsWith('file://') ? decodeURIComponent(location!.slice(7)) : location!;
    frames.push(`  File "${file}", line ${lineNumber}, in ${fn === undefined ? '<module>' : fn}`);
  }
  return frames.reverse();
}

// The runtime's own folder (src/runtime or dist/runtime), whose frames are implementation details.
const RUNTIME_ROOT = new URL('..', import.meta.url).href;
