// CPython's traceback text (Lib/traceback.py TracebackException.format): the chain of causes and contexts, each
// with a `Traceback (most recent call last):` header, frames, and the last line `Name: message`; exception
// groups as the boxed tree of 3.11.
//
// Frames are JS frames of the translated code (runtime-internal frames are left out), mapped to the Python source
// where the module has a source map, and only exist for exceptions whose JS stack was recorded (see BaseException);
// what the oracle compares is the last line. An exception counts
// as raised (and gets a `Traceback` header) when it is the one being printed, part of its cause/context chain, or
// has a recorded JS stack; a group member created and never raised prints its last line only, as in CPython.

import { BaseException, BaseExceptionGroup } from './exceptions.js';
import { moduleOf, str } from './repr.js';
import { pythonLocation } from './source-locations.js';
import { toPyException } from './to-py-exception.js';

const CAUSE_MESSAGE = ['', 'The above exception was the direct cause of the following exception:', ''];
const CONTEXT_MESSAGE = ['', 'During handling of the above exception, another exception occurred:', ''];
// Lib/traceback.py TracebackException defaults.
const MAX_GROUP_WIDTH = 15;
const MAX_GROUP_DEPTH = 10;

/**
 * The text CPython prints for an uncaught exception (`traceback.format_exception`), without a trailing newline:
 * earlier exceptions of the chain first, then the traceback header, frames and `Name: message` of `exc` itself.
 */
export function formatException(exc: unknown): string {
  const context = new PrintContext();
  const lines: string[] = [];
  formatWithChain(toPyException(exc), true, context, lines, new Set());
  return lines.join('\n');
}

/** The last traceback line alone: `ValueError: message`, or `ValueError` when str(exc) is empty. */
export function formatExceptionOnly(exc: unknown): string {
  const e = toPyException(exc);
  const cls = e.constructor as typeof BaseException;
  // Lib/traceback.py: the module is shown unless it is builtins or __main__.
  const module = moduleOf(cls);
  const name = module === 'builtins' || module === '__main__' ? cls.__qualname__ : `${module}.${cls.__qualname__}`;
  let text: string;
  try {
    text = str(e);
  } catch {
    // Lib/traceback.py _safe_string: a failing __str__ prints this placeholder.
    text = '<exception str() failed>';
  }
  return text === '' ? name : `${name}: ${text}`;
}

// Lib/traceback.py _ExceptionPrintContext: the group nesting depth sets the indentation and the '| ' margin.
class PrintContext {
  groupDepth = 0;
  needClose = false;

  indent(): string {
    return ' '.repeat(2 * this.groupDepth);
  }

  emit(lines: string[], out: string[], margin = '|'): void {
    const prefix = this.indent() + (this.groupDepth > 0 ? margin + ' ' : '');
    for (const line of lines) out.push(prefix + line);
  }
}

function formatWithChain(
  exc: BaseException, raised: boolean, ctx: PrintContext, out: string[], seen: Set<BaseException>,
): void {
  // The chain from `exc` back to the first exception, each with the message that links it to the next.
  const chain: Array<{ exc: BaseException; message: string[] | null }> = [];
  let current: BaseException | null = exc;
  while (current !== null && !seen.has(current)) {
    seen.add(current);
    let next: BaseException | null = null;
    let message: string[] | null = null;
    if (current.__cause__ !== null) {
      next = current.__cause__;
      message = CAUSE_MESSAGE;
    } else if (current.__context__ !== null && !current.__suppress_context__) {
      next = current.__context__;
      message = CONTEXT_MESSAGE;
    }
    chain.push({ exc: current, message: next !== null && !seen.has(next) ? message : null });
    current = next;
  }
  const frames = chain.map(({ exc: link }) => framesOf(link));
  for (let i = chain.length - 1; i >= 0; i--) {
    const { exc: link, message } = chain[i]!;
    if (message !== null) ctx.emit(message, out);
    // A Python traceback runs from where the exception was caught to where it was raised; the JS stack runs from
    // the program's start. The frames an earlier exception shares with the one raised while handling it lie
    // outside the handler, so they are left out of the earlier one.
    const shown = i > 0 ? withoutSharedStart(frames[i]!, frames[i - 1]!) : frames[i]!;
    // Causes and contexts were raised; the exception itself as the caller says.
    formatOne(link, i > 0 || raised || link.__jsstack__ !== undefined, ctx, out, seen, shown.flat());
  }
}

function withoutSharedStart(frames: string[][], later: string[][]): string[][] {
  // the later exception may show more outer frames (the code its task's failure reached); line them up first
  const offset = later.findIndex((frame) => frame[0] === frames[0]?.[0]);
  if (offset === -1) return frames;
  let shared = 0;
  while (shared < frames.length && frames[shared]![0] === later[offset + shared]?.[0]) shared++;
  return frames.slice(shared);
}

function formatOne(
  exc: BaseException,
  raised: boolean,
  ctx: PrintContext,
  out: string[],
  seen: Set<BaseException>,
  frames = framesOf(exc).flat(),
): void {
  if (!(exc instanceof BaseExceptionGroup)) {
    if (raised) ctx.emit(['Traceback (most recent call last):', ...frames], out);
    ctx.emit([formatExceptionOnly(exc), ...noteLines(exc)], out);
    return;
  }
  if (ctx.groupDepth > MAX_GROUP_DEPTH) {
    ctx.emit([`... (max_group_depth is ${MAX_GROUP_DEPTH})`], out);
    return;
  }
  const topLevel = ctx.groupDepth === 0;
  if (topLevel) ctx.groupDepth++;
  if (raised) {
    ctx.emit(['Exception Group Traceback (most recent call last):'], out, topLevel ? '+' : '|');
    ctx.emit(frames, out);
  }
  ctx.emit([formatExceptionOnly(exc), ...noteLines(exc)], out);
  const count = exc.exceptions.length;
  const shown = count <= MAX_GROUP_WIDTH ? count : MAX_GROUP_WIDTH + 1;
  ctx.needClose = false;
  for (let i = 0; i < shown; i++) {
    const last = i === shown - 1;
    if (last) ctx.needClose = true;
    const truncated = i >= MAX_GROUP_WIDTH;
    const title = truncated ? '...' : String(i + 1);
    out.push(ctx.indent() + (i === 0 ? '+-' : '  ') + `+---------------- ${title} ----------------`);
    ctx.groupDepth++;
    if (!truncated) {
      const member = exc.exceptions[i]!;
      formatWithChain(member, member.__jsstack__ !== undefined, ctx, out, seen);
    } else {
      const remaining = count - MAX_GROUP_WIDTH;
      ctx.emit([`and ${remaining} more exception${remaining > 1 ? 's' : ''}`], out);
    }
    if (last && ctx.needClose) {
      out.push(ctx.indent() + '+------------------------------------');
      ctx.needClose = false;
    }
    ctx.groupDepth--;
  }
  if (topLevel) ctx.groupDepth = 0;
}

// Lib/traceback.py format_exception_only: each note's lines follow the `Name: message` line.
function noteLines(exc: BaseException): string[] {
  return exc.__notes__ === undefined ? [] : exc.__notes__.flatMap((note) => note.split('\n'));
}

// Frames from the recorded JS stack, oldest first as Python prints them, without the runtime's own frames. A frame
// of translated code is shown where it is in the Python source, when the module has a source map (`pyts run`
// writes one), with the line's text as CPython shows it.
function framesOf(exc: BaseException): string[][] {
  const stack = exc.__jsstack__;
  if (stack === undefined) return [];
  // the code the exception propagated out to (another task's caller) comes first, as the outer frames
  return [...stackFrames(exc.__outerjsstack__ ?? ''), ...stackFrames(stack)];
}

/** A JS stack's frames of translated code, oldest first, each as the lines of one traceback entry. */
function stackFrames(stack: string): string[][] {
  const frames: string[][] = [];
  for (const line of stack.split('\n')) {
    // `at fn (file:line:col)`, `at file:line:col`, and V8's async frames `at async fn (…)`, `at async file:…`
    const match = /^\s+at (?:async )?(?:(.+?) \()?(.+?):(\d+):(\d+)\)?$/.exec(line);
    if (match === null) continue;
    const [, fn, location, lineNumber, column] = match;
    if (location!.startsWith('node:') || location!.startsWith(RUNTIME_ROOT)) continue;
    const python = pythonLocation(location!, Number(lineNumber), Number(column));
    if (python !== null) {
      const text = python.text === null ? [] : [`    ${python.text}`];
      frames.push([`  File "${python.file}", line ${python.line}, in ${python.name ?? '<module>'}`, ...text]);
      continue;
    }
    const file = location!.startsWith('file://') ? decodeURIComponent(location!.slice(7)) : location!;
    frames.push([`  File "${file}", line ${lineNumber}, in ${fn === undefined ? '<module>' : fn}`]);
  }
  return frames.reverse();
}

// The runtime's own folder (src/runtime or dist/runtime), whose frames are implementation details.
const RUNTIME_ROOT = new URL('..', import.meta.url).href;
