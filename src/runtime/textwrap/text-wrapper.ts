// textwrap.TextWrapper (Lib/textwrap.py): the same chunking regex and line-filling loop as CPython, so that
// wrap, fill and shorten break lines where CPython does (hyphenated words, long words, max_lines placeholders).

import { ValueError } from '../builtins/exceptions.js';
import { repr } from '../builtins/repr.js';
import { strExpandtabs } from '../builtins/str-methods.js';

/** The keyword arguments of `TextWrapper` (and of `wrap`, `fill`, `shorten`). */
export interface WrapOptions {
  width?: number;
  initialIndent?: string;
  subsequentIndent?: string;
  expandTabs?: boolean;
  replaceWhitespace?: boolean;
  fixSentenceEndings?: boolean;
  breakLongWords?: boolean;
  dropWhitespace?: boolean;
  breakOnHyphens?: boolean;
  tabsize?: number;
  maxLines?: number | null;
  placeholder?: string;
}

// Lib/textwrap.py _whitespace and the pieces of wordsep_re; Python's \w is Unicode-aware, hence \p classes.
const WS = '[\\t\\n\\x0b\\x0c\\r ]';
const NOWS = '[^\\t\\n\\x0b\\x0c\\r ]';
const WORD_PUNCT = '[\\p{L}\\p{N}_!"\'&.,?]';
const LETTER = '[\\p{L}_]';
const WORD = '[\\p{L}\\p{N}_]';
const WORDSEP = new RegExp(
  `(${WS}+` +
    `|(?<=${WORD_PUNCT})-{2,}(?=${WORD})` +
    `|${NOWS}+?(?:-(?:(?<=${LETTER}{2}-)|(?<=${LETTER}-${LETTER}-))(?=${LETTER}-?${LETTER})|(?=${WS}|$)|(?<=${WORD_PUNCT})(?=-{2,}${WORD})))`,
  'u',
);
const WORDSEP_SIMPLE = new RegExp(`(${WS}+)`);
const SENTENCE_END = /[a-z][.!?]["']?$/;

/** Python's `textwrap.TextWrapper(**options)`. */
export class TextWrapper {
  width: number;
  initialIndent: string;
  subsequentIndent: string;
  expandTabs: boolean;
  replaceWhitespace: boolean;
  fixSentenceEndings: boolean;
  breakLongWords: boolean;
  dropWhitespace: boolean;
  breakOnHyphens: boolean;
  tabsize: number;
  maxLines: number | null;
  placeholder: string;

  constructor(options: WrapOptions = {}) {
    this.width = options.width ?? 70;
    this.initialIndent = options.initialIndent ?? '';
    this.subsequentIndent = options.subsequentIndent ?? '';
    this.expandTabs = options.expandTabs ?? true;
    this.replaceWhitespace = options.replaceWhitespace ?? true;
    this.fixSentenceEndings = options.fixSentenceEndings ?? false;
    this.breakLongWords = options.breakLongWords ?? true;
    this.dropWhitespace = options.dropWhitespace ?? true;
    this.breakOnHyphens = options.breakOnHyphens ?? true;
    this.tabsize = options.tabsize ?? 8;
    this.maxLines = options.maxLines ?? null;
    this.placeholder = options.placeholder ?? ' [...]';
  }

  /** `wrapper.wrap(text)`: the lines, without final newlines. */
  wrap(text: string): string[] {
    const chunks = this.split(this.mungeWhitespace(text));
    if (this.fixSentenceEndings) this.fixEndings(chunks);
    return this.wrapChunks(chunks);
  }

  /** `wrapper.fill(text)`: the lines joined by newlines. */
  fill(text: string): string {
    return this.wrap(text).join('\n');
  }

  private mungeWhitespace(text: string): string {
    let result = this.expandTabs ? strExpandtabs(text, this.tabsize) : text;
    if (this.replaceWhitespace) result = result.replace(/[\t\n\x0b\x0c\r]/g, ' ');
    return result;
  }

  private split(text: string): string[] {
    return text
      .split(this.breakOnHyphens ? WORDSEP : WORDSEP_SIMPLE)
      .filter((chunk) => chunk !== '' && chunk !== undefined);
  }

  private fixEndings(chunks: string[]): void {
    for (let i = 0; i < chunks.length - 1;) {
      if (chunks[i + 1] === ' ' && SENTENCE_END.test(chunks[i]!)) {
        chunks[i + 1] = '  ';
        i += 2;
      } else {
        i += 1;
      }
    }
  }

  // Lib/textwrap.py TextWrapper._wrap_chunks, step for step.
  private wrapChunks(input: string[]): string[] {
    const lines: string[] = [];
    if (this.width <= 0) throw new ValueError(`invalid width ${repr(this.width)} (must be > 0)`);
    if (this.maxLines !== null) {
      const indent = this.maxLines > 1 ? this.subsequentIndent : this.initialIndent;
      if (indent.length + this.placeholder.trimStart().length > this.width) {
        throw new ValueError('placeholder too large for max width');
      }
    }
    const chunks = [...input].reverse();
    while (chunks.length > 0) {
      let curLine: string[] = [];
      let curLen = 0;
      const indent = lines.length > 0 ? this.subsequentIndent : this.initialIndent;
      const width = this.width - indent.length;
      if (this.dropWhitespace && isBlank(chunks[chunks.length - 1]!) && lines.length > 0) chunks.pop();
      while (chunks.length > 0) {
        const length = chunks[chunks.length - 1]!.length;
        if (curLen + length > width) break;
        curLine.push(chunks.pop()!);
        curLen += length;
      }
      if (chunks.length > 0 && chunks[chunks.length - 1]!.length > width) {
        this.handleLongWord(chunks, curLine, curLen, width);
        curLen = curLine.reduce((n, c) => n + c.length, 0);
      }
      if (this.dropWhitespace && curLine.length > 0 && isBlank(curLine[curLine.length - 1]!)) {
        curLen -= curLine[curLine.length - 1]!.length;
        curLine.pop();
      }
      if (curLine.length === 0) continue;
      const lastAllowed =
        this.maxLines === null ||
        lines.length + 1 < this.maxLines ||
        ((chunks.length === 0 || (this.dropWhitespace && chunks.length === 1 && isBlank(chunks[0]!))) &&
          curLen <= width);
      if (lastAllowed) {
        lines.push(indent + curLine.join(''));
        continue;
      }
      let placed = false;
      while (curLine.length > 0) {
        if (!isBlank(curLine[curLine.length - 1]!) && curLen + this.placeholder.length <= width) {
          curLine.push(this.placeholder);
          lines.push(indent + curLine.join(''));
          placed = true;
          break;
        }
        curLen -= curLine[curLine.length - 1]!.length;
        curLine.pop();
      }
      if (!placed) {
        if (lines.length > 0) {
          const previous = lines[lines.length - 1]!.trimEnd();
          if (previous.length + this.placeholder.length <= this.width) {
            lines[lines.length - 1] = previous + this.placeholder;
            break;
          }
        }
        lines.push(indent + this.placeholder.trimStart());
      }
      break;
    }
    return lines;
  }

  // Lib/textwrap.py TextWrapper._handle_long_word.
  private handleLongWord(chunks: string[], curLine: string[], curLen: number, width: number): void {
    const spaceLeft = width < 1 ? 1 : width - curLen;
    if (this.breakLongWords) {
      let end = spaceLeft;
      const chunk = chunks[chunks.length - 1]!;
      if (this.breakOnHyphens && chunk.length > spaceLeft) {
        const hyphen = chunk.lastIndexOf('-', spaceLeft - 1);
        if (hyphen > 0 && /[^-]/.test(chunk.slice(0, hyphen))) end = hyphen + 1;
      }
      curLine.push(chunk.slice(0, end));
      chunks[chunks.length - 1] = chunk.slice(end);
    } else if (curLine.length === 0) {
      curLine.push(chunks.pop()!);
    }
  }
}

function isBlank(s: string): boolean {
  return s.trim() === '';
}

