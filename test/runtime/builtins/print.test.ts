import { describe, expect, it } from 'vitest';
import { asFloat } from '../../../src/runtime/builtins/py-float.js';
import { kw } from '../../../src/runtime/builtins/kw.js';
import { print } from '../../../src/runtime/builtins/print.js';

function collector(): { write(text: string): number; flush(): void; text: string; flushes: number } {
  return {
    text: '',
    flushes: 0,
    write(text: string): number {
      this.text += text;
      return text.length;
    },
    flush(): void {
      this.flushes++;
    },
  };
}

// Expected text is what CPython 3.11 wrote to an io.StringIO for the same print calls.
describe('print', () => {
  it('writes str() of each value with sep and end to the given file', () => {
    const file = collector();
    print('a', 'b', kw({ sep: '-', end: '!', file }));
    print(1, null, true, asFloat(2.5), [1], kw({ file }));
    print(kw({ file }));
    print(kw({ sep: null, end: null, file }));
    expect(file.text).toBe('a-b!1 None True 2.5 [1]\n\n\n');
  });

  it('flushes the file only when asked', () => {
    const file = collector();
    print('x', kw({ file }));
    print('y', kw({ file, flush: true }));
    expect(file.flushes).toBe(1);
  });

  it('rejects a sep or end that is not a string, as CPython does', () => {
    expect(() => print(1, kw({ sep: 5 as unknown as string }))).toThrow('sep must be None or a string, not int');
    expect(() => print(1, kw({ end: [1] as unknown as string }))).toThrow('end must be None or a string, not list');
  });
});
