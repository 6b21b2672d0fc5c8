// Bounds on int values, so that int arithmetic stays plain TypeScript where it provably stays exact.
//
// A Python int is a JS number while a double holds it exactly, and a bigint beyond; `a + b` on two ints is written
// as plain `+` only where analysis proves the result stays within 2**53 - 1, and as the runtime's exact
// `addInt(a, b)` elsewhere (src/translate/expressions/operators.ts). The proof is an interval per expression:
// `[lo, hi]` says that the value is an int (or bool) between lo and hi; an unbounded end is an infinity, and TOP
// says nothing. Only ints get bounded intervals (every rule starts from int literals and builtins that give ints).
// Intervals come from int literals, `range(...)` loop variables, sizes (`len`), `x % m`, `x // y`, `abs`, `min`/
// `max` and sums and products of bounded operands. A variable's interval is the join of what all its stores give,
// computed to a fixpoint: a variable whose interval keeps growing (`f *= i` in a loop) is widened to TOP, while
// `acc = (acc * 31 + x) % M` settles below M; counters are the one assumption (see COUNTER_STEP).
import type * as ast from '../parse/ast.js';
import type { Binding, ScopeTable } from './scopes.js';
import type { TypeInference } from './infer.js';

export interface Bound {
  lo: number;
  hi: number;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const TOP: Bound = { lo: -Infinity, hi: Infinity };
/** no value at all (a variable whose stores are not evaluated yet) */
const BOTTOM: Bound = { lo: Infinity, hi: -Infinity };
const BOOL_BOUND: Bound = { lo: 0, hi: 1 };
/** sizes: JS arrays and strings hold fewer than 2**32 items */
const SIZE: Bound = { lo: 0, hi: 2 ** 32 - 1 };
/** `str.find`, `list.index`, `str.count`… */
const POSITION: Bound = { lo: -1, hi: 2 ** 32 - 1 };

// The counter rule. A variable changed only by steps of at most COUNTER_STEP (`i += 1`, `n = n - 2`) from values
// within COUNTER_START is taken to stay within COUNTER_LIMIT: leaving it takes more than 8 * 10**14 steps, over
// nine days of nothing but increments at one a nanosecond. Without the rule every counter would widen to TOP.
const COUNTER_STEP = 16;
const COUNTER_START = 2 ** 50;
const COUNTER_LIMIT = 2 ** 52;

const POSITION_METHODS: ReadonlySet<string> = new Set(['find', 'rfind', 'index', 'rindex', 'count']);
/** the builtins whose int results `call` bounds */
const BOUNDED_BUILTINS: ReadonlySet<string> = new Set(['len', 'ord', 'bool', 'int', 'abs', 'min', 'max']);
/** loops whose target can be a bounded int */
const ITERATIONS_WITH_INTS: ReadonlySet<string> = new Set(['range', 'reversed', 'enumerate']);

/** Fixpoint rounds before giving up (every variable TOP); real code settles in two or three. */
const MAX_ROUNDS = 8;
/** A variable whose interval grows this many times is widened (to TOP unless its stores bound it by themselves),
 *  and once more to TOP. */
const GROWTHS_BEFORE_WIDENING = 2;

/** An interval whose ends beyond 2**53 - 1 become infinite, so finite ends are exact integers: sums and products
 *  of two of them are correctly rounded, and rounding is monotone, so a computed end beyond 2**53 - 1 means the
 *  exact one is too. */
function bound(lo: number, hi: number): Bound {
  if (lo > hi) return BOTTOM;
  return { lo: lo < -MAX_SAFE ? -Infinity : lo, hi: hi > MAX_SAFE ? Infinity : hi };
}

const isBottom = (b: Bound) => b.lo > b.hi;
const isFinite = (b: Bound) => b.lo > -Infinity && b.hi < Infinity;
const join = (a: Bound, b: Bound): Bound =>
  isBottom(a) ? b : isBottom(b) ? a : bound(Math.min(a.lo, b.lo), Math.max(a.hi, b.hi));
const same = (a: Bound, b: Bound) => a.lo === b.lo && a.hi === b.hi;
const magnitude = (b: Bound) => Math.max(Math.abs(b.lo), Math.abs(b.hi));
// 0 * infinity is 0 here: the infinity stands for an unknown finite value
const times = (x: number, y: number) => (x === 0 || y === 0 ? 0 : x * y);

function add(a: Bound, b: Bound): Bound {
  return isBottom(a) || isBottom(b) ? BOTTOM : bound(a.lo + b.lo, a.hi + b.hi);
}

function sub(a: Bound, b: Bound): Bound {
  return isBottom(a) || isBottom(b) ? BOTTOM : bound(a.lo - b.hi, a.hi - b.lo);
}

function mul(a: Bound, b: Bound): Bound {
  if (isBottom(a) || isBottom(b)) return BOTTOM;
  const products = [times(a.lo, b.lo), times(a.lo, b.hi), times(a.hi, b.lo), times(a.hi, b.hi)];
  return bound(Math.min(...products), Math.max(...products));
}

/** The smallest power of two 2**k with every value of `b` in [-2**k, 2**k - 1]: bitwise results of such ints
 *  stay there. */
function bitSpan(b: Bound): number {
  let span = 1;
  while (span <= magnitude(b)) span *= 2;
  return span;
}

/** Interval analysis of the int values of a module (see the file comment). Computed on the first question. */
export class IntBounds {
  private bindings = new Map<Binding, Bound>();
  /** `fixing` while the rounds run (a name's interval is evaluated on demand), `done` once they settled */
  private phase: 'idle' | 'fixing' | 'done' = 'idle';
  private cache = new Map<ast.Expr, Bound>();
  /** bindings being evaluated in the current round (a cycle reads the previous round's interval) */
  private evaluating = new Set<Binding>();
  private evaluated = new Set<Binding>();
  /** the bindings that grew in the current round, with their interval before it */
  private changed = new Map<Binding, Bound>();
  private candidates: Binding[] = [];

  constructor(
    private scopes: ScopeTable,
    private types: TypeInference,
  ) {}

  /** True when `e`, an int expression, provably stays within 2**53 - 1 in magnitude, so a double holds it. */
  isExact(e: ast.Expr): boolean {
    return isFinite(this.boundOf(e));
  }

  /** The interval of the int values of `e` (TOP when nothing is proved). */
  boundOf(e: ast.Expr): Bound {
    this.settle();
    const cached = this.cache.get(e);
    if (cached) return cached;
    const b = this.expr(e);
    this.cache.set(e, b);
    return b;
  }

  /**
   * True when a counting loop from `start` (null: 0) towards `stop` by the literal `step` keeps its variable exact:
   * both ends bounded, or a start within COUNTER_START and a step within COUNTER_STEP (the counter rule: the
   * variable cannot get near 2**53 before the loop ends, whatever `stop` is).
   */
  countsExactly(start: ast.Expr | null, stop: ast.Expr, step: number): boolean {
    const from = start ? this.boundOf(start) : bound(0, 0);
    if (isFinite(from) && isFinite(this.boundOf(stop))) return true;
    return isFinite(from) && magnitude(from) <= COUNTER_START && Math.abs(step) <= COUNTER_STEP;
  }

  // ------------------------------------------------------------------------------------------------ fixpoint

  private settle(): void {
    if (this.phase !== 'idle') return;
    this.phase = 'fixing';
    for (const scope of this.scopes.scopeOf.values()) {
      for (const b of scope.bindings.values()) {
        // the others are TOP: stored by `def`, `import`, `with`, `except`… or iterating over values of any size
        if (b.kind === 'variable' && b.stores.every((r) => mayStoreInt(r.statement, scope.kind))) {
          this.candidates.push(b);
          this.bindings.set(b, BOTTOM);
        }
      }
    }
    const growths = new Map<Binding, number>();
    for (let round = 0; round < MAX_ROUNDS; round++) {
      this.evaluated.clear();
      this.changed.clear();
      for (const b of this.candidates) this.evaluate(b);
      if (this.changed.size === 0) break;
      for (const [b, old] of this.changed) {
        if (isBottom(old)) continue;
        const n = (growths.get(b) ?? 0) + 1;
        growths.set(b, n);
        if (n === GROWTHS_BEFORE_WIDENING) this.bindings.set(b, this.widened(b));
        else if (n > GROWTHS_BEFORE_WIDENING) this.bindings.set(b, TOP);
      }
      // not settled: claim nothing
      if (round === MAX_ROUNDS - 1) for (const b of this.candidates) this.bindings.set(b, TOP);
    }
    this.phase = 'done';
  }

  /** Widening, then one narrowing step: the stores evaluated with the binding itself unknown. Sound, as
   *  monotone stores give at least as much from TOP as from any interval, and finite where the stores bound the
   *  value by themselves (`acc = (acc * 31 + x) % M`, `h = (h * 31 + c) & 0xFFFFFFFF`). */
  private widened(b: Binding): Bound {
    this.bindings.set(b, TOP);
    this.evaluating.add(b);
    const narrowed = this.bindingBound(b, TOP);
    this.evaluating.delete(b);
    return narrowed;
  }

  /** Evaluates a binding's stores once per round, those it reads first (a cycle reads the current interval). */
  private evaluate(b: Binding): Bound {
    const current = this.bindings.get(b);
    if (current === undefined) return TOP;
    if (this.evaluated.has(b) || this.evaluating.has(b)) return current;
    this.evaluating.add(b);
    const next = this.bindingBound(b, current);
    this.evaluating.delete(b);
    this.evaluated.add(b);
    // a binding only grows: what an earlier round gave is still possible
    const grown = join(current, next);
    if (!same(grown, current)) {
      this.bindings.set(b, grown);
      this.changed.set(b, current);
    }
    return grown;
  }

  private bindingBound(b: Binding, current: Bound): Bound {
    let base = BOTTOM;
    let steps = 0;
    let up = true;
    let down = true;
    for (const store of b.stores) {
      if (store.statement?.kind === 'Delete') continue;
      const step = this.counterStep(store.node, store.statement, b);
      if (step) {
        steps++;
        up &&= step.lo >= 0;
        down &&= step.hi <= 0;
        continue;
      }
      const value = this.storedBound(store.node, store.statement, b, current);
      if (!isFinite(value)) return TOP;
      base = join(base, value);
    }
    if (steps === 0) return base;
    // (no start yet: a later round gives it)
    if (isBottom(base)) return BOTTOM;
    if (magnitude(base) > COUNTER_START) return TOP;
    // a counter (see COUNTER_STEP): from its start up, down, or both, within COUNTER_LIMIT
    return bound(down ? -COUNTER_LIMIT : base.lo, up ? COUNTER_LIMIT : base.hi);
  }

  /** The step of a counter update of `b` (`b += 1`, `b = b - 2`), or null when the store is something else. */
  private counterStep(node: ast.Node, stmt: ast.Stmt | null, b: Binding): Bound | null {
    let step: ast.Expr | null = null;
    let op: string | null = null;
    if (stmt?.kind === 'AugAssign' && stmt.target === node && (stmt.op === '+' || stmt.op === '-')) {
      [step, op] = [stmt.value, stmt.op];
    } else if (stmt?.kind === 'Assign' && stmt.targets.length === 1 && stmt.targets[0] === node) {
      const v = stmt.value;
      if (v.kind === 'BinOp' && (v.op === '+' || v.op === '-')) {
        if (this.isName(v.left, b)) [step, op] = [v.right, v.op];
        else if (v.op === '+' && this.isName(v.right, b)) [step, op] = [v.left, '+'];
      }
    }
    if (!step) return null;
    const s = this.expr(step);
    if (!isFinite(s) || magnitude(s) > COUNTER_STEP) return null;
    return op === '+' ? s : bound(-s.hi, -s.lo);
  }

  private isName(e: ast.Expr, b: Binding): boolean {
    return e.kind === 'Name' && this.scopes.resolved.get(e) === b;
  }

  /** What one store gives the binding: TOP for every store form not followed here. */
  private storedBound(node: ast.Node, stmt: ast.Stmt | null, b: Binding, current: Bound): Bound {
    if (b.scope.kind === 'comprehension') {
      const comp = b.scope.node as ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp;
      const generator = comp.generators.find((g) => contains(g.target, node));
      return generator ? this.iterationBound(generator.target, generator.iter, node) : TOP;
    }
    switch (stmt?.kind) {
      case 'Assign':
        for (const target of stmt.targets) {
          const found = this.atTarget(target, stmt.value, node);
          if (found) return found;
        }
        return TOP;
      case 'AnnAssign':
        return stmt.target === node && stmt.value ? this.expr(stmt.value) : TOP;
      case 'AugAssign':
        return stmt.target === node
          ? this.binOp(stmt.op, current, this.expr(stmt.value), stmt.target, stmt.value)
          : TOP;
      case 'For':
        return this.iterationBound(stmt.target, stmt.iter, node);
      default:
        return TOP;
    }
  }

  /** `target = value`: the bound `node` receives, or null when `node` is not in `target`. */
  private atTarget(target: ast.Expr, value: ast.Expr, node: ast.Node): Bound | null {
    if (target === node) return this.expr(value);
    if (target.kind !== 'Tuple' && target.kind !== 'List') return null;
    if (!contains(target, node)) return null;
    // `a, b = b, a + b`: item by item
    const items = value.kind === 'Tuple' || value.kind === 'List' ? value.elts : null;
    if (!items || items.length !== target.elts.length || items.some((x) => x.kind === 'Starred')) return TOP;
    for (let i = 0; i < items.length; i++) {
      const found = this.atTarget(target.elts[i]!, items[i]!, node);
      if (found) return found;
    }
    return TOP;
  }

  /** The bound of `node` in `for target in iter`: range(...) items, enumerate(...) indexes. */
  private iterationBound(target: ast.Expr, iter: ast.Expr, node: ast.Node): Bound {
    const call = iter.kind === 'Call' && iter.keywords.length === 0 ? iter : null;
    const builtin = call?.func.kind === 'Name' && !this.scopes.resolved.has(call.func) ? call.func.id : null;
    if (builtin === 'reversed' && call!.args.length === 1) return this.iterationBound(target, call!.args[0]!, node);
    if (builtin === 'range' && target === node && call!.args.length >= 1 && call!.args.length <= 3) {
      // every item lies between start (0 by default) and stop
      const [start, stop] =
        call!.args.length === 1
          ? [bound(0, 0), this.expr(call!.args[0]!)]
          : call!.args.slice(0, 2).map((a) => this.expr(a));
      return isFinite(start!) && isFinite(stop!) ? join(start!, stop!) : TOP;
    }
    if (
      iter.kind === 'Call' &&
      iter.func.kind === 'Name' &&
      iter.func.id === 'enumerate' &&
      !this.scopes.resolved.has(iter.func) &&
      (target.kind === 'Tuple' || target.kind === 'List') &&
      target.elts[0] === node
    ) {
      const startArg = iter.args[1] ?? iter.keywords.find((k) => k.arg?.id === 'start')?.value;
      const start = startArg ? this.expr(startArg) : bound(0, 0);
      return isFinite(start) ? add(start, SIZE) : TOP;
    }
    return TOP;
  }

  // ---------------------------------------------------------------------------------------------- expressions

  private expr(e: ast.Expr): Bound {
    switch (e.kind) {
      case 'Constant':
        if (e.value.type === 'int') return bound(Number(e.value.value), Number(e.value.value));
        if (e.value.type === 'bool') return e.value.value ? bound(1, 1) : bound(0, 0);
        return TOP;
      case 'Name': {
        const b = this.scopes.resolved.get(e);
        if (!b) return TOP;
        return this.phase === 'done' ? (this.bindings.get(b) ?? TOP) : this.evaluate(b);
      }
      case 'NamedExpr':
        return this.expr(e.value);
      case 'BinOp':
        return this.binOp(e.op, this.expr(e.left), this.expr(e.right), e.left, e.right);
      case 'UnaryOp': {
        if (e.op === 'not') return BOOL_BOUND;
        const x = this.expr(e.operand);
        if (!isFinite(x)) return TOP;
        if (e.op === '-') return bound(-x.hi, -x.lo);
        if (e.op === '~') return bound(-x.hi - 1, -x.lo - 1);
        return x;
      }
      case 'IfExp':
        return this.joinAll([e.body, e.orelse]);
      case 'BoolOp':
        // `a or b` is one of its operands
        return this.joinAll(e.values);
      case 'Call':
        return this.call(e);
      default:
        return TOP;
    }
  }

  private joinAll(es: readonly ast.Expr[]): Bound {
    let result = BOTTOM;
    for (const x of es) {
      const b = this.expr(x);
      if (!isFinite(b)) return TOP;
      result = join(result, b);
    }
    return result;
  }

  private isIntTyped(e: ast.Expr): boolean {
    const k = this.types.typeOf(e).k;
    return k === 'int' || k === 'bool';
  }

  private binOp(op: ast.BinaryOperator, l: Bound, r: Bound, left: ast.Expr, right: ast.Expr): Bound {
    const both = isFinite(l) && isFinite(r);
    switch (op) {
      case '+':
        return both ? add(l, r) : TOP;
      case '-':
        return both ? sub(l, r) : TOP;
      case '*':
        return both ? mul(l, r) : TOP;
      case '//': {
        // |x // y| <= |x| for an int y (0 raises)
        if (!isFinite(l) || !(isFinite(r) || this.isIntTyped(right))) return TOP;
        if (l.lo >= 0 && r.lo >= 1) return bound(0, l.hi);
        return bound(-magnitude(l), magnitude(l));
      }
      case '%': {
        // the remainder has the divisor's sign and is smaller than it
        if (!(isFinite(l) || this.isIntTyped(left))) return TOP;
        if (r.lo >= 1) return bound(0, l.lo >= 0 ? Math.min(l.hi, r.hi - 1) : r.hi - 1);
        if (!isFinite(l) && !isFinite(r)) return TOP;
        if (!isFinite(r)) return TOP;
        if (r.hi <= -1) return bound(r.lo + 1, 0);
        return bound(-magnitude(r) + 1, magnitude(r) - 1);
      }
      case '<<':
        if (!both || r.lo < 0 || r.hi > 53) return TOP;
        return mul(l, bound(2 ** r.lo, 2 ** r.hi));
      case '>>':
        if (!isFinite(l) || !(isFinite(r) || this.isIntTyped(right)) || r.lo < 0) return TOP;
        return bound(Math.min(l.lo, 0), Math.max(l.hi, 0));
      case '&': {
        if (!(isFinite(l) || this.isIntTyped(left)) || !(isFinite(r) || this.isIntTyped(right))) return TOP;
        // a non-negative operand bounds the result: x & 0xFF is in [0, 255] whatever x is
        if (l.lo >= 0 && r.lo >= 0) return bound(0, Math.min(l.hi, r.hi));
        if (l.lo >= 0) return bound(0, l.hi);
        if (r.lo >= 0) return bound(0, r.hi);
        return both ? bound(-bitSpan(join(l, r)), bitSpan(join(l, r)) - 1) : TOP;
      }
      case '|':
      case '^': {
        if (!both) return TOP;
        const span = bitSpan(join(l, r));
        return bound(l.lo >= 0 && r.lo >= 0 ? 0 : -span, span - 1);
      }
      default:
        return TOP;
    }
  }

  private call(e: ast.Call): Bound {
    if (e.keywords.length) return TOP;
    const args = e.args;
    if (e.func.kind === 'Attribute') {
      // positions and counts in builtin sequences
      if (!POSITION_METHODS.has(e.func.attr.id)) return TOP;
      const receiver = this.types.typeOf(e.func.value).k;
      return receiver === 'str' || receiver === 'list' || receiver === 'tuple' || receiver === 'bytes' ? POSITION : TOP;
    }
    if (e.func.kind !== 'Name' || !BOUNDED_BUILTINS.has(e.func.id) || this.scopes.resolved.has(e.func)) return TOP;
    if (args.some((a) => a.kind === 'Starred')) return TOP;
    switch (e.func.id) {
      case 'len': {
        // an object's __len__ may say more than any JS array holds (range(10**18)): only builtin containers count
        const t = args[0] ? this.types.typeOf(args[0]) : null;
        const custom = t?.k === 'instance' || t?.k === 'class' || (t?.k === 'runtime' && t.ts === 'range');
        return custom || args.length !== 1 ? TOP : SIZE;
      }
      case 'ord':
        return bound(0, 0x10ffff);
      case 'bool':
        return BOOL_BOUND;
      case 'int':
        // int() of a bounded int is that int; of anything else (a str, a float), unknown
        return args.length === 1 ? this.expr(args[0]!) : TOP;
      case 'abs': {
        const x = args.length === 1 ? this.expr(args[0]!) : TOP;
        return isFinite(x) ? bound(x.lo >= 0 ? x.lo : x.hi <= 0 ? -x.hi : 0, magnitude(x)) : TOP;
      }
      case 'min':
      case 'max': {
        if (args.length < 2) return TOP;
        const bounds = args.map((a) => this.expr(a));
        if (!bounds.every(isFinite)) return TOP;
        const pick = e.func.id === 'min' ? Math.min : Math.max;
        return bound(pick(...bounds.map((b) => b.lo)), pick(...bounds.map((b) => b.hi)));
      }
      default:
        return TOP;
    }
  }
}

/** Whether a store made by `stmt` can give a bounded int (a cheap test before evaluating it). */
function mayStoreInt(stmt: ast.Stmt | null, scope: string): boolean {
  if (scope === 'comprehension') return true;
  switch (stmt?.kind) {
    case 'Assign':
    case 'AnnAssign':
    case 'AugAssign':
    case 'Delete':
      return true;
    case 'For':
      return stmt.iter.kind === 'Call' && stmt.iter.func.kind === 'Name' && ITERATIONS_WITH_INTS.has(stmt.iter.func.id);
    default:
      return false;
  }
}

/** True when `node` is `e` or inside it. */
function contains(e: ast.Expr, node: ast.Node): boolean {
  if (e === node) return true;
  if (e.kind === 'Tuple' || e.kind === 'List') return e.elts.some((x) => contains(x, node));
  if (e.kind === 'Starred') return contains(e.value, node);
  return false;
}
