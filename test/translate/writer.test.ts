// The statement writer: blocks, indentation of nested text, and the blank-line and new-line rules translate relies on.
import { describe, expect, test } from 'vitest';
import { CodeBlockWriter } from '../../src/translate/writer.js';

describe('CodeBlockWriter', () => {
  test('block() indents its body and starts what follows on a new line', () => {
    const w = new CodeBlockWriter();
    w.write('if (a)').block(() => w.writeLine('f();'));
    w.write('g();');
    expect(w.toString()).toBe('if (a) {\n  f();\n}\ng();');
  });

  test('inlineBlock() lets the line go on after the closing brace', () => {
    const w = new CodeBlockWriter();
    w.write('if (a) ').inlineBlock(() => w.writeLine('f();'));
    w.write(' else ').inlineBlock(() => w.writeLine('g();'));
    w.newLine();
    expect(w.toString()).toBe('if (a) {\n  f();\n} else {\n  g();\n}\n');
  });

  test('text written with line breaks is indented line by line to the current level, empty lines left empty', () => {
    const inner = new CodeBlockWriter();
    inner.write('while (x)').block(() => inner.writeLine('y();\n\nz();'));
    const w = new CodeBlockWriter();
    w.write('function f() ').inlineBlock(() => w.write(inner.toString()));
    expect(w.toString()).toBe('function f() {\n  while (x) {\n    y();\n\n    z();\n  }\n}');
  });

  test('writeFrom() writes a scratch writer as write() would write its text', () => {
    const scratches: ((w: CodeBlockWriter) => void)[] = [
      (w) => w.write('while (x)').block(() => w.writeLine('y();').blankLineIfLastNot().write('z();')),
      (w) => w.blankLineIfLastNot().writeLine('a;').newLine(),
      (w) => w.write('').block(() => w.write('')),
      (w) => w.write('// one\r').newLine().write('b;\r').write('c;'),
      () => {},
    ];
    for (const fill of scratches) {
      const written: string[] = [];
      for (const copy of [false, true]) {
        const scratch = new CodeBlockWriter();
        fill(scratch);
        const w = new CodeBlockWriter();
        w.write('function f() ').inlineBlock(() => {
          w.write('x ');
          if (copy) w.writeFrom(scratch);
          else w.write(scratch.toString());
          w.newLineIfLastNot();
          if (copy) w.writeFrom(scratch);
          else w.write(scratch.toString());
        });
        written.push(w.toString());
      }
      expect(written[1]).toBe(written[0]);
    }
  });

  test('an empty write at the start of a line writes its indentation, so a bare block sits at its level', () => {
    const w = new CodeBlockWriter();
    w.write('{').newLine();
    w.inlineBlock(() => {
      w.write('').block(() => w.writeLine('a;'));
    });
    expect(w.toString()).toBe('{\n{\n  {\n    a;\n  }\n}');
  });

  test('blankLineIfLastNot() adds at most one blank line; newLineIfLastNot() ends the line once', () => {
    const w = new CodeBlockWriter();
    w.writeLine('a;').blankLineIfLastNot().blankLineIfLastNot();
    w.write('b;').newLineIfLastNot().newLineIfLastNot();
    expect(w.toString()).toBe('a;\n\nb;\n');
  });

  test('CRLF line breaks in written text become LF', () => {
    const w = new CodeBlockWriter();
    w.write('x').block(() => w.write('// one\r\n// two'));
    expect(w.toString()).toBe('x {\n  // one\n  // two\n}');
  });

  test('line breaks inside string literals are not special: translate writes them as escapes', () => {
    const w = new CodeBlockWriter();
    // code-block-writer took the quote after an escaped backslash for an escape, and then the backquote for the
    // start of a template literal, and stopped indenting
    const body = ['f("\\\\", "`");', 'g();'];
    w.write('if (a)').block(() => w.writeLine(body.join('\n')));
    expect(w.toString()).toBe(`if (a) {\n${body.map((line) => `  ${line}\n`).join('')}}`);
  });
});
