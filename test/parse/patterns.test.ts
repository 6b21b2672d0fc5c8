// match statements: every pattern kind converts to CPython's pattern nodes.
import { describe, expect, it } from 'vitest';
import type { Pattern } from '../../src/parse/index.js';
import { firstStatement } from './helpers.js';

function patternOf(pattern: string): Pattern {
  const statement = firstStatement(`match subject:\n    case ${pattern}:\n        pass\n`);
  if (statement.kind !== 'Match') throw new Error(`expected a match statement, got ${statement.kind}`);
  return statement.cases[0]!.pattern;
}

describe('match patterns', () => {
  it('reads _ as the wildcard and a bare name as a capture', () => {
    expect(patternOf('_')).toMatchObject({ kind: 'MatchAs', pattern: null, name: null });
    expect(patternOf('x')).toMatchObject({ kind: 'MatchAs', pattern: null, name: { kind: 'Identifier', id: 'x' } });
  });

  it('reads literals, negative and complex numbers and dotted names as values', () => {
    expect(patternOf('1')).toMatchObject({ kind: 'MatchValue', value: { kind: 'Constant' } });
    expect(patternOf('-1')).toMatchObject({ kind: 'MatchValue', value: { kind: 'UnaryOp', op: '-' } });
    expect(patternOf('-1 + 2j')).toMatchObject({ kind: 'MatchValue', value: { kind: 'BinOp', op: '+', left: { kind: 'UnaryOp' }, right: { value: { type: 'complex' } } } });
    expect(patternOf('"a" "b"')).toMatchObject({ kind: 'MatchValue', value: { value: { type: 'str', value: 'ab' } } });
    expect(patternOf('Color.RED')).toMatchObject({ kind: 'MatchValue', value: { kind: 'Attribute', attr: { id: 'RED' }, value: { id: 'Color' } } });
  });

  it('reads None, True and False as singletons', () => {
    expect(patternOf('None')).toMatchObject({ kind: 'MatchSingleton', value: null });
    expect(patternOf('True')).toMatchObject({ kind: 'MatchSingleton', value: true });
    expect(patternOf('False')).toMatchObject({ kind: 'MatchSingleton', value: false });
  });

  it('reads sequences with a star, and a parenthesised pattern as a group', () => {
    expect(patternOf('[1, *rest]')).toMatchObject({ kind: 'MatchSequence', patterns: [{ kind: 'MatchValue' }, { kind: 'MatchStar', name: { id: 'rest' } }] });
    expect(patternOf('(a, *_)')).toMatchObject({ kind: 'MatchSequence', patterns: [{ kind: 'MatchAs' }, { kind: 'MatchStar', name: null }] });
    expect(patternOf('a, b')).toMatchObject({ kind: 'MatchSequence', patterns: [{ name: { id: 'a' } }, { name: { id: 'b' } }] });
    expect(patternOf('(x)')).toMatchObject({ kind: 'MatchAs', name: { id: 'x' } });
  });

  it('reads mappings with a rest capture', () => {
    expect(patternOf('{"k": v, 1: _, **others}')).toMatchObject({
      kind: 'MatchMapping',
      keys: [{ value: { value: 'k' } }, { value: { type: 'int' } }],
      patterns: [{ name: { id: 'v' } }, { name: null }],
      rest: { id: 'others' },
    });
  });

  it('reads class patterns with positional and keyword sub-patterns', () => {
    expect(patternOf('Point(0, y=ys)')).toMatchObject({
      kind: 'MatchClass',
      cls: { kind: 'Name', id: 'Point' },
      patterns: [{ kind: 'MatchValue' }],
      kwdAttrs: [{ id: 'y' }],
      kwdPatterns: [{ kind: 'MatchAs', name: { id: 'ys' } }],
    });
  });

  it('reads or-patterns and as-patterns', () => {
    expect(patternOf('1 | 2 | None')).toMatchObject({ kind: 'MatchOr', patterns: [{ kind: 'MatchValue' }, { kind: 'MatchValue' }, { kind: 'MatchSingleton' }] });
    expect(patternOf('[x, y] as pair')).toMatchObject({ kind: 'MatchAs', pattern: { kind: 'MatchSequence' }, name: { id: 'pair' } });
  });

  it('keeps guards and a tuple subject', () => {
    const statement = firstStatement('match a, b:\n    case (x, y) if x > y:\n        pass\n');
    expect(statement).toMatchObject({ kind: 'Match', subject: { kind: 'Tuple', parenthesized: false }, cases: [{ guard: { kind: 'Compare' } }] });
  });
});
