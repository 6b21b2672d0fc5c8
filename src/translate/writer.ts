// The text writer translate writes statements with: the part of code-block-writer's API pyts uses (write, writeLine,
// newLine, newLineIfLastNot, blankLineIfLastNot, block, inlineBlock, toString), with the same output. It replaced
// that package because code-block-writer runs a character-by-character state machine over everything written (to
// tell strings, comments and regular expressions apart), and translate writes each compound statement into a
// scratch writer that the enclosing block writes again: nested text was rescanned once per level, about 12 % of an
// unformatted translation. This writer only looks for line breaks. It does not need the state machine because
// translate never writes a line break inside a string or template literal (strings spell them as escapes), so
// indenting every non-empty line is always right; block comments are JSDoc-shaped, which prettier re-indents.
// A scratch writer is written into its enclosing one piece by piece (writeFrom) rather than as joined text: joining
// and rescanning it again at each level of nesting took about 2 % of an unformatted translation.

const NEW_LINE = 10;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
/** no text written yet */
const NONE = -1;

export class CodeBlockWriter {
  /** the text so far, in non-empty pieces (joined by toString); a line break is always a piece of its own */
  private readonly texts: string[] = [];
  /** char code of the last character written, or NONE */
  private lastCode = NONE;
  /** whether a piece ends with a carriage return, which writeFrom cannot copy as it is (see there) */
  private hasCarriageReturnEnd = false;
  private level = 0;
  /** block() ends its line at the next write rather than at once, so `} else {` can follow on the same line */
  private newLineOnNextWrite = false;
  private readonly indentUnit: string;
  /** the indentation text of each level, made on first use */
  private readonly indents: string[] = [''];

  constructor(options: { indentNumberOfSpaces?: number } = {}) {
    this.indentUnit = ' '.repeat(options.indentNumberOfSpaces ?? 2);
  }

  /** Writes `text`; each line it starts is indented to the current block's level (empty lines are not). */
  write(text: string): this {
    this.flushPendingNewLine();
    this.writeIndented(text);
    return this;
  }

  /** Writes what `scratch` holds, exactly as `write(scratch.toString())` would. */
  writeFrom(scratch: CodeBlockWriter): this {
    // write() splits the text at its line breaks and indents each line's first piece. The scratch's pieces are
    // already split there, so they are copied one by one; a piece ending with a carriage return is the exception
    // (write() drops it before a line break, and would not start a line after it), so such a scratch is rewritten.
    if (scratch.texts.length === 0 || scratch.hasCarriageReturnEnd) return this.write(scratch.toString());
    this.flushPendingNewLine();
    const indent = this.indentation();
    let lineStart = this.isLineStart();
    for (const text of scratch.texts) {
      if (text === '\n') lineStart = true;
      else {
        if (lineStart && indent !== '') this.texts.push(indent);
        lineStart = false;
      }
      this.texts.push(text);
    }
    this.lastCode = scratch.lastCode;
    return this;
  }

  /** Writes `text` on a line of its own. */
  writeLine(text: string): this {
    this.flushPendingNewLine();
    if (this.lastCode !== NONE) this.newLineIfLastNot();
    this.writeIndented(text);
    this.newLine();
    return this;
  }

  newLine(): this {
    this.newLineOnNextWrite = false;
    this.push('\n', NEW_LINE);
    return this;
  }

  /** Ends the current line unless it is already ended (on an empty writer too, as code-block-writer did). */
  newLineIfLastNot(): this {
    this.flushPendingNewLine();
    if (!this.isLastNewLine()) this.newLine();
    return this;
  }

  blankLineIfLastNot(): this {
    if (!this.isLastBlankLine()) this.newLineIfLastNot().newLine();
    return this;
  }

  /** ` {`, the lines `body` writes one level deeper, and `}`; what is written next starts on a new line. */
  block(body: () => void): this {
    this.flushPendingNewLine();
    if (this.lastCode !== NONE && !this.isLastNewLine() && this.lastCode !== SPACE) this.push(' ', SPACE);
    this.inlineBlock(body);
    this.newLineOnNextWrite = true;
    return this;
  }

  /** `{`, the lines `body` writes one level deeper, and `}`, after which the line goes on. */
  inlineBlock(body: () => void): this {
    this.flushPendingNewLine();
    this.writeIndented('{');
    this.newLineIfLastNot();
    this.level++;
    body();
    this.level--;
    this.newLineIfLastNot().write('}');
    return this;
  }

  isEmpty(): boolean {
    return this.texts.length === 0;
  }

  toString(): string {
    return this.texts.join('');
  }

  private flushPendingNewLine(): void {
    if (this.newLineOnNextWrite) this.newLine();
  }

  private writeIndented(text: string): void {
    let start = 0;
    for (;;) {
      const end = text.indexOf('\n', start);
      // a `\r\n` break is written as `\n`
      const lineEnd = end === -1 ? text.length : end > start && text.charCodeAt(end - 1) === CARRIAGE_RETURN ? end - 1 : end;
      // indentation goes before the first text of a line (and before nothing at all when nothing is written: an
      // empty write at the start of a line indents it, which `w.write('').block(…)` relies on)
      if (lineEnd > start || (end === -1 && start === 0)) {
        if (this.isLineStart()) {
          const indent = this.indentation();
          if (indent !== '') this.push(indent, SPACE);
        }
        if (lineEnd > start) {
          const line = start === 0 && lineEnd === text.length ? text : text.slice(start, lineEnd);
          this.push(line, line.charCodeAt(line.length - 1));
        }
      }
      if (end === -1) return;
      this.push('\n', NEW_LINE);
      start = end + 1;
      if (start === text.length) return;
    }
  }

  private indentation(): string {
    let indent = this.indents[this.level];
    if (indent === undefined) {
      indent = this.indentUnit.repeat(this.level);
      this.indents[this.level] = indent;
    }
    return indent;
  }

  private push(text: string, lastCode: number): void {
    this.texts.push(text);
    this.lastCode = lastCode;
    if (lastCode === CARRIAGE_RETURN) this.hasCarriageReturnEnd = true;
  }

  private isLineStart(): boolean {
    return this.lastCode === NONE || this.lastCode === NEW_LINE || this.lastCode === CARRIAGE_RETURN;
  }

  private isLastNewLine(): boolean {
    return this.lastCode === NEW_LINE || this.lastCode === CARRIAGE_RETURN;
  }

  /** Whether the text ends with two line breaks (carriage returns aside). */
  private isLastBlankLine(): boolean {
    let found = 0;
    for (let i = this.texts.length - 1; i >= 0; i--) {
      const text = this.texts[i]!;
      for (let j = text.length - 1; j >= 0; j--) {
        const code = text.charCodeAt(j);
        if (code === NEW_LINE) {
          if (++found === 2) return true;
        } else if (code !== CARRIAGE_RETURN) return false;
      }
    }
    return false;
  }
}

export default CodeBlockWriter;
