// `match` → an if / else-if chain over the subject, evaluated once. Each case's pattern compiles to one boolean
// expression that checks the shape (PEP 634's rules: sequences are not strings, mappings ignore extra keys, class
// patterns use isinstance and __match_args__) and assigns the captures as it goes, left to right, as CPython does.
import type CodeBlockWriter from '../writer.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { cond, expr, paren, Untranslatable } from '../expressions/index.js';
import { attributeName } from '../expressions/names.js';
import { writeBlock } from './index.js';

/** Classes whose pattern `C(x)` matches the subject itself against `x` (PEP 634 "self" matching). */
const SELF_MATCHING = new Set(['bool', 'bytearray', 'bytes', 'dict', 'float', 'frozenset', 'int', 'list', 'set', 'str', 'tuple']);

export function translateMatch(s: ast.Match, ctx: TranslateContext, w: CodeBlockWriter): void {
  const subject = ctx.analysis.names.claim('subject');
  w.writeLine(`const ${subject} = ${expr(s.subject, ctx)};`);
  // a range or a deque is a sequence too: sequence patterns look at its items (lists and tuples are their own)
  const subjectType = ctx.analysis.types.typeOf(s.subject).k;
  let items: string | undefined;
  if (subjectType !== 'list' && subjectType !== 'tuple' && s.cases.some((c) => hasSequencePattern(c.pattern))) {
    items = ctx.analysis.names.claim('items');
    w.writeLine(`const ${items} = ${ctx.rt('sequenceItems')}(${subject});`);
  }
  let chain = '';
  for (const c of s.cases) {
    const irrefutable = c.guard === null && isIrrefutable(c.pattern);
    let test = compilePattern(c.pattern, subject, ctx, items);
    if (c.guard) test = `${test === 'true' ? '' : `${test} && `}${cond(c.guard, ctx)}`;
    // `case _:` and `case name:` are the chain's last `else`, so tsc sees that every path is covered
    const binds = c.pattern.kind === 'MatchAs' && c.pattern.pattern === null ? c.pattern.name : null;
    if (irrefutable && (test === 'true' || (binds && c.guard === null))) {
      const body = () => {
        if (binds) w.writeLine(`${captureTarget(binds, ctx)} = ${subject};`);
        writeBlock(c.body, ctx, w);
      };
      if (chain) w.write(' else ').inlineBlock(body);
      else w.write('').inlineBlock(body);
      w.newLine();
      return;
    }
    w.write(`${chain}if (${test}) `).inlineBlock(() => writeBlock(c.body, ctx, w));
    chain = ' else ';
  }
  w.newLine();
}

function isIrrefutable(p: ast.Pattern): boolean {
  return (p.kind === 'MatchAs' && (p.pattern === null || isIrrefutable(p.pattern))) || (p.kind === 'MatchOr' && p.patterns.some(isIrrefutable));
}

function captureTarget(name: ast.Identifier, ctx: TranslateContext): string {
  const b = ctx.analysis.types.bindingOf(name);
  return b ? ctx.tsName(b) : name.id;
}

function capture(name: ast.Identifier, value: string, ctx: TranslateContext): string {
  return `((${captureTarget(name, ctx)} = ${value}), true)`;
}

function and(parts: string[]): string {
  const real = parts.filter((p) => p !== 'true');
  return real.length === 0 ? 'true' : real.length === 1 ? real[0]! : `(${real.join(' && ')})`;
}

function hasSequencePattern(p: ast.Pattern): boolean {
  if (p.kind === 'MatchSequence') return true;
  if (p.kind === 'MatchAs') return p.pattern !== null && hasSequencePattern(p.pattern);
  return p.kind === 'MatchOr' && p.patterns.some(hasSequencePattern);
}

/** `items`: the subject's items for sequence patterns, when they are not the subject itself (translateMatch). */
function compilePattern(p: ast.Pattern, subject: string, ctx: TranslateContext, items?: string): string {
  switch (p.kind) {
    case 'MatchValue': {
      const value = expr(p.value, ctx);
      const isStr = p.value.kind === 'Constant' && p.value.value.type === 'str';
      return isStr ? `${subject} === ${value}` : `${ctx.rt('eq')}(${subject}, ${value})`;
    }
    case 'MatchSingleton':
      return p.value === null ? `${subject} == null` : `${subject} === ${p.value}`;
    case 'MatchAs': {
      const inner = p.pattern ? compilePattern(p.pattern, subject, ctx, items) : 'true';
      return p.name ? and([inner, capture(p.name, subject, ctx)]) : inner;
    }
    case 'MatchOr':
      return `(${p.patterns.map((q) => compilePattern(q, subject, ctx, items)).join(' || ')})`;
    case 'MatchSequence':
      return sequencePattern(p, items ?? subject, ctx);
    case 'MatchMapping':
      return mappingPattern(p, subject, ctx);
    case 'MatchClass':
      return classPattern(p, subject, ctx);
    case 'MatchStar':
      throw new Untranslatable('a star pattern outside a sequence', p);
  }
}

function sequencePattern(p: ast.MatchSequence, subject: string, ctx: TranslateContext): string {
  const star = p.patterns.findIndex((q) => q.kind === 'MatchStar');
  const fixed = p.patterns.length - (star >= 0 ? 1 : 0);
  const parts = [`${ctx.rt('matchSequence')}(${subject}, ${fixed}, ${star >= 0})`];
  p.patterns.forEach((q, i) => {
    if (q.kind === 'MatchStar') {
      const after = p.patterns.length - 1 - i;
      if (q.name) parts.push(capture(q.name, `${ctx.rt('list')}(${ctx.rt('slice')}(${subject}, ${i}, ${after ? -after : 'null'}))`, ctx));
      return;
    }
    const index = star >= 0 && i > star ? `${subject}.length - ${p.patterns.length - i}` : String(i);
    parts.push(compilePattern(q, `${subject}[${index}]`, ctx));
  });
  return and(parts);
}

function mappingPattern(p: ast.MatchMapping, subject: string, ctx: TranslateContext): string {
  const keys = p.keys.map((k) => expr(k, ctx));
  const parts = [`${ctx.rt('matchMapping')}(${subject}, [${keys.join(', ')}])`];
  p.patterns.forEach((q, i) => parts.push(compilePattern(q, `${subject}.getItem(${keys[i]})`, ctx)));
  if (p.rest) parts.push(capture(p.rest, `${ctx.rt('mappingRest')}(${subject}, [${keys.join(', ')}])`, ctx));
  return and(parts);
}

function classPattern(p: ast.MatchClass, subject: string, ctx: TranslateContext): string {
  const cls = expr(p.cls, ctx);
  const isBuiltin = p.cls.kind === 'Name' && SELF_MATCHING.has(p.cls.id) && !ctx.analysis.types.bindingOf(p.cls);
  const parts = [isBuiltin ? `${ctx.rt('isinstance')}(${subject}, ${cls})` : `${subject} instanceof ${cls}`];
  if (p.patterns.length) {
    if (isBuiltin) {
      if (p.patterns.length > 1) throw new Untranslatable(`more than one positional pattern for '${cls}'`, p);
      parts.push(compilePattern(p.patterns[0]!, subject, ctx));
    } else {
      const names = matchArgs(p.cls, ctx);
      if (!names || names.length < p.patterns.length) throw new Untranslatable('a positional class pattern without a known __match_args__', p);
      p.patterns.forEach((q, i) => parts.push(compilePattern(q, `${paren(subject)}.${attributeName(names[i]!)}`, ctx)));
    }
  }
  p.kwdAttrs.forEach((attr, i) => {
    const value = `${paren(subject)}.${attributeName(attr.id)}`;
    parts.push(`${value} !== undefined`, compilePattern(p.kwdPatterns[i]!, value, ctx));
  });
  return and(parts);
}

/** The attribute names a class matches positionally: a `__match_args__` tuple of strings, or a dataclass's fields. */
function matchArgs(clsExpr: ast.Expr, ctx: TranslateContext): string[] | null {
  if (clsExpr.kind !== 'Name') return null;
  const cls = ctx.analysis.types.classes.get(clsExpr.id);
  if (!cls) return null;
  for (const s of cls.body) {
    if (s.kind === 'Assign' && s.targets.length === 1 && s.targets[0]!.kind === 'Name' && s.targets[0]!.id === '__match_args__') {
      const v = s.value;
      if ((v.kind === 'Tuple' || v.kind === 'List') && v.elts.every((e) => e.kind === 'Constant' && e.value.type === 'str')) {
        return v.elts.map((e) => ((e as ast.Constant).value as { value: string }).value);
      }
      return null;
    }
  }
  if (cls.decorators.length) return cls.body.flatMap((s) => (s.kind === 'AnnAssign' && s.target.kind === 'Name' ? [s.target.id] : []));
  return null;
}
