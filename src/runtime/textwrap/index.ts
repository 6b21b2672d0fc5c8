// pyts/runtime/textwrap: Python's textwrap module — wrap, fill, shorten (TextWrapper), dedent and indent.
// Keyword arguments arrive as a trailing options object: `textwrap.wrap(text, { width: 15 })`.

import { callableClass, isOptions } from '../collections/python-class.js';
import { TextWrapper as TextWrapperClass, type WrapOptions } from './text-wrapper.js';

export type { WrapOptions } from './text-wrapper.js';

/** `textwrap.TextWrapper`: call it as Python does, `textwrap.TextWrapper({ width: 40 })`. */
export const TextWrapper = callableClass(TextWrapperClass, 'textwrap.TextWrapper');
export type TextWrapper = TextWrapperClass;

// `wrap(text, 15)` or `wrap(text, { width: 15 })`: width is the one positional option.
function wrapper(widthOrOptions: number | WrapOptions | undefined, options: WrapOptions = {}): TextWrapperClass {
  if (isOptions(widthOrOptions)) return new TextWrapperClass(widthOrOptions);
  return new TextWrapperClass({ ...options, width: (widthOrOptions as number | undefined) ?? options.width ?? 70 });
}

/** `textwrap.wrap(text, width=70, **options)`: the wrapped lines. */
export function wrap(text: string, width?: number | WrapOptions, options?: WrapOptions): string[] {
  return wrapper(width, options).wrap(text);
}

/** `textwrap.fill(text, width=70, **options)`: the wrapped lines joined by newlines. */
export function fill(text: string, width?: number | WrapOptions, options?: WrapOptions): string {
  return wrapper(width, options).fill(text);
}

/** `textwrap.shorten(text, width, **options)`: whitespace collapsed, truncated with a placeholder (' [...]'). */
export function shorten(text: string, width: number | WrapOptions, options: WrapOptions = {}): string {
  const settings = isOptions(width) ? width : { ...options, width };
  const collapsed = text.trim().split(/\s+/).filter(Boolean).join(' ');
  return new TextWrapperClass({ ...settings, maxLines: 1 }).fill(collapsed);
}

/** `textwrap.dedent(text)`: remove the longest common leading whitespace (lines of only blanks are emptied). */
export function dedent(text: string): string {
  const blanksOnly = text.replace(/^[ \t]+$/gm, '');
  let margin: string | null = null;
  for (const match of blanksOnly.matchAll(/^([ \t]*)[^ \t\n]/gm)) {
    const indent = match[1]!;
    if (margin === null || margin.startsWith(indent)) margin = indent;
    else if (!indent.startsWith(margin)) {
      let i = 0;
      while (i < margin.length && margin[i] === indent[i]) i++;
      margin = margin.slice(0, i);
    }
  }
  if (!margin) return blanksOnly;
  return blanksOnly.replace(new RegExp('^' + margin, 'gm'), '');
}

/** `textwrap.indent(text, prefix, predicate=None)`: prefix the lines (by default those not only whitespace). */
export function indent(text: string, prefix: string, predicate?: ((line: string) => unknown) | null): string {
  const keep = predicate ?? ((line: string) => line.trim() !== '');
  const lines =
    text.match(/[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]*(?:\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]|$)/g) ?? [];
  return lines
    .filter((line) => line !== '')
    .map((line) => (keep(line) ? prefix + line : line))
    .join('');
}
