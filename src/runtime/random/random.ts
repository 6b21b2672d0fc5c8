// random.Random (Lib/random.py on top of Modules/_randommodule.c): every method draws from the Mersenne Twister
// exactly as CPython's does, so a seeded program gives CPython's numbers, choices and shuffles.

import { fromBigInt, mod } from '../builtins/arithmetic.js';
import { IndexError, TypeError, ValueError } from '../builtins/exceptions.js';
import { tableHash } from '../builtins/hashing.js';
import { iterable } from '../builtins/iteration.js';
import { crypto } from '../builtins/node-modules.js';
import { numberValue, PyFloat, type PyNumber } from '../builtins/py-float.js';
import { PyRange } from '../builtins/range.js';
import { getItem, len } from '../builtins/sequences.js';
import { bindKeywords, splitOptions } from '../collections/python-class.js';
import { MersenneTwister } from './mersenne-twister.js';

type Sequence<T> = readonly T[] | string | PyRange;

interface ChoicesOptions {
  weights?: Iterable<PyNumber> | null;
  cumWeights?: Iterable<PyNumber> | null;
  k?: number;
}

interface SampleOptions {
  counts?: Iterable<number> | null;
}

function osRandomWords(): number[] {
  return Array.from(crypto().randomFillSync(new Uint32Array(624)));
}

/** Python's `random.Random(x=None)`: an independent generator, seeded like `seed(x)`. */
export class Random {
  private readonly generator = new MersenneTwister();
  private gaussNext: number | null = null;

  constructor(x: unknown = null) {
    this.seed(x);
  }

  /**
   * `seed(a=None)`: ints use all their bits (their 32-bit words, as CPython's init_by_array), floats their hash,
   * str and bytes the version-2 scheme (the text followed by its SHA-512), None fresh OS randomness.
   */
  seed(a: unknown = null): void {
    this.gaussNext = null;
    let n: bigint;
    if (a === null || a === undefined) {
      // OS randomness, drawn when the first number is (random_seed_urandom's 624 words): a program that never uses
      // the generator does not load node:crypto for it.
      this.generator.seedLazily(osRandomWords);
      return;
    } else if (typeof a === 'boolean') n = BigInt(a);
    else if (typeof a === 'bigint') n = a;
    else if (typeof a === 'number') n = Number.isInteger(a) ? BigInt(a) : BigInt(tableHash(a));
    // Modules/_randommodule.c random_seed: a float seeds by its hash taken as unsigned, even when integral (-1.0
    // seeds as 2**64 - 2)
    else if (a instanceof PyFloat) n = BigInt(tableHash(a.value));
    else if (typeof a === 'string' || a instanceof Uint8Array) {
      const bytes = typeof a === 'string' ? Buffer.from(a, 'utf8') : Buffer.from(a);
      const digest = crypto().createHash('sha512').update(bytes).digest();
      n = BigInt('0x' + Buffer.concat([bytes, digest]).toString('hex'));
    } else {
      throw new TypeError('The only supported seed types are: None,\nint, float, str, bytes, and bytearray.');
    }
    if (n < 0n) n = -n;
    const words: number[] = [];
    for (; n > 0n; n >>= 32n) words.push(Number(n & 0xffffffffn));
    this.generator.seedWords(words.length === 0 ? [0] : words);
  }

  /** `random()`: a float in [0.0, 1.0). */
  random(): number {
    return this.generator.nextFloat();
  }

  /** `getrandbits(k)`: an int with k random bits. */
  getrandbits(k: number): number {
    if (k < 0) throw new ValueError('number of bits must be non-negative');
    return fromBigInt(this.generator.nextBits(k));
  }

  /** `randrange(stop)` / `randrange(start, stop[, step])`: CPython 3.11's argument checks and draws. */
  randrange(...args: (PyNumber | null | { start?: PyNumber; stop?: PyNumber | null; step?: PyNumber })[]): number {
    const [start, stop, step] = bindKeywords(args, ['start', 'stop', 'step']) as [
      PyNumber,
      (PyNumber | null)?,
      PyNumber?,
    ];
    const istart = rangeArgument(start, 'arg 1');
    if (stop === null || stop === undefined) {
      if (step !== undefined) throw new TypeError('Missing a non-None stop argument');
      if (istart > 0) return this.randbelow(istart);
      throw new ValueError('empty range for randrange()');
    }
    const istop = rangeArgument(stop, 'stop');
    const width = istop - istart;
    const istep = rangeArgument(step ?? 1, 'step');
    if (istep === 1) {
      if (width > 0) return istart + this.randbelow(width);
      throw new ValueError(`empty range for randrange() (${istart}, ${istop}, ${width})`);
    }
    if (istep === 0) throw new ValueError('zero step for randrange()');
    const n = istep > 0 ? Math.floor((width + istep - 1) / istep) : Math.floor((width + istep + 1) / istep);
    if (n <= 0) throw new ValueError('empty range for randrange()');
    return istart + istep * this.randbelow(n);
  }

  /** `randint(a, b)`: an int in [a, b]. */
  randint(a: PyNumber, b: PyNumber): number {
    return this.randrange(a, numberValue(b) + 1);
  }

  /** `choice(seq)`: one item of a non-empty sequence. */
  choice<T>(seq: Sequence<T>): T {
    const n = len(seq);
    if (n === 0) throw new IndexError('Cannot choose from an empty sequence');
    return getItem(seq, this.randbelow(n)) as T;
  }

  /** `shuffle(x)`: shuffle a list in place (Fisher–Yates from the end, as CPython). */
  shuffle(x: unknown[]): void {
    for (let i = x.length - 1; i >= 1; i--) {
      const j = this.randbelow(i + 1);
      [x[i], x[j]] = [x[j], x[i]];
    }
  }

  /** `sample(population, k, *, counts=None)`: k distinct positions of a sequence, in selection order. */
  sample<T>(population: Sequence<T>, ...rest: unknown[]): T[] {
    const [positional, options] = splitOptions<SampleOptions & { k?: number }>(rest);
    const k = (positional[0] as number | undefined) ?? options.k;
    if (k === undefined) throw new TypeError("Random.sample() missing 1 required positional argument: 'k'");
    if (!isSequence(population)) {
      throw new TypeError('Population must be a sequence.  For dicts or sets, use sorted(d).');
    }
    const n = len(population);
    if (options.counts !== null && options.counts !== undefined) {
      return this.sampleCounted(population, n, [...iterable(options.counts)], k);
    }
    if (!(k >= 0 && k <= n)) throw new ValueError('Sample larger than population or is negative');
    const result: T[] = new Array(k);
    let setsize = 21; // Lib/random.py: the size of a small set minus that of an empty list.
    if (k > 5) setsize += 4 ** Math.ceil(Math.log(k * 3) / Math.log(4));
    if (n <= setsize) {
      const pool = Array.from(iterable(population as Iterable<T>));
      for (let i = 0; i < k; i++) {
        const j = this.randbelow(n - i);
        result[i] = pool[j]!;
        pool[j] = pool[n - i - 1]!;
      }
    } else {
      const selected = new Set<number>();
      for (let i = 0; i < k; i++) {
        let j = this.randbelow(n);
        while (selected.has(j)) j = this.randbelow(n);
        selected.add(j);
        result[i] = getItem(population, j) as T;
      }
    }
    return result;
  }

  /** `choices(population, weights=None, *, cum_weights=None, k=1)`: k items drawn with replacement. */
  choices<T>(population: Sequence<T>, ...rest: unknown[]): T[] {
    const [positional, options] = splitOptions<ChoicesOptions>(rest);
    const weights = (positional[0] as Iterable<PyNumber> | null | undefined) ?? options.weights ?? null;
    const k = options.k ?? 1;
    const n = len(population);
    let cumulative: number[];
    if (options.cumWeights === null || options.cumWeights === undefined) {
      if (weights === null) {
        return Array.from({ length: Math.max(0, k) }, () => getItem(population, Math.floor(this.random() * n)) as T);
      }
      cumulative = [];
      let total = 0;
      for (const w of iterable(weights)) cumulative.push((total += numberValue(w)));
    } else if (weights !== null) {
      throw new TypeError('Cannot specify both weights and cumulative weights');
    } else {
      cumulative = Array.from(iterable(options.cumWeights), numberValue);
    }
    if (cumulative.length !== n) throw new ValueError('The number of weights does not match the population');
    const total = cumulative[cumulative.length - 1]!;
    if (total <= 0) throw new ValueError('Total of weights must be greater than zero');
    if (!Number.isFinite(total)) throw new ValueError('Total of weights must be finite');
    return Array.from(
      { length: Math.max(0, k) },
      () => getItem(population, bisectRight(cumulative, this.random() * total, n - 1)) as T,
    );
  }

  /** `uniform(a, b)`: `a + (b - a) * random()`. */
  uniform(a: PyNumber, b: PyNumber): number {
    const [low, high] = [numberValue(a), numberValue(b)];
    return low + (high - low) * this.random();
  }

  /** `triangular(low=0.0, high=1.0, mode=None)`. */
  triangular(...args: (PyNumber | null | { low?: PyNumber; high?: PyNumber; mode?: PyNumber | null })[]): number {
    const bound = bindKeywords(args, ['low', 'high', 'mode']);
    let [low, high] = floats(bound, [0, 1]) as [number, number];
    const mode = (bound[2] ?? null) as PyNumber | null;
    let u = this.random();
    if (high === low) return low;
    let c = mode === null ? 0.5 : (numberValue(mode) - low) / (high - low);
    if (u > c) {
      u = 1 - u;
      c = 1 - c;
      [low, high] = [high, low];
    }
    return low + (high - low) * Math.sqrt(u * c);
  }

  /** `gauss(mu=0.0, sigma=1.0)`: the Box–Muller pair, the second value kept for the next call. */
  gauss(...args: (PyNumber | { mu?: PyNumber; sigma?: PyNumber })[]): number {
    const [mu, sigma] = floats(bindKeywords(args, ['mu', 'sigma']), [0, 1]);
    let z = this.gaussNext;
    this.gaussNext = null;
    if (z === null) {
      const x2pi = this.random() * 2 * Math.PI;
      const g2rad = Math.sqrt(-2 * Math.log(1 - this.random()));
      z = Math.cos(x2pi) * g2rad;
      this.gaussNext = Math.sin(x2pi) * g2rad;
    }
    return mu + z * sigma;
  }

  /** `normalvariate(mu=0.0, sigma=1.0)`: Kinderman and Monahan's method. */
  normalvariate(...args: (PyNumber | { mu?: PyNumber; sigma?: PyNumber })[]): number {
    const [mu, sigma] = floats(bindKeywords(args, ['mu', 'sigma']), [0, 1]);
    const NV_MAGICCONST = (4 * Math.exp(-0.5)) / Math.sqrt(2);
    for (;;) {
      const u1 = this.random();
      const u2 = 1 - this.random();
      const z = (NV_MAGICCONST * (u1 - 0.5)) / u2;
      if ((z * z) / 4 <= -Math.log(u2)) return mu + z * sigma;
    }
  }

  /** `expovariate(lambd)`. */
  expovariate(lambd: PyNumber): number {
    return -Math.log(1 - this.random()) / numberValue(lambd);
  }

  /** `lognormvariate(mu, sigma)`: `exp(normalvariate(mu, sigma))`. */
  lognormvariate(mu: PyNumber, sigma: PyNumber): number {
    return Math.exp(this.normalvariate(mu, sigma));
  }

  /** `gammavariate(alpha, beta)`: Lib/random.py's three methods by range of alpha. */
  gammavariate(alphaArgument: PyNumber, betaArgument: PyNumber): number {
    const [alpha, beta] = [numberValue(alphaArgument), numberValue(betaArgument)];
    if (alpha <= 0 || beta <= 0) throw new ValueError('gammavariate: alpha and beta must be > 0.0');
    if (alpha > 1) {
      // Cheng's rejection method (R.C.H. Cheng, 1977), as Lib/random.py.
      const ainv = Math.sqrt(2 * alpha - 1);
      const bbb = alpha - Math.log(4);
      const ccc = alpha + ainv;
      const sgMagic = 1 + Math.log(4.5);
      for (;;) {
        const u1 = this.random();
        if (!(u1 > 1e-7 && u1 < 0.9999999)) continue;
        const u2 = 1 - this.random();
        const v = Math.log(u1 / (1 - u1)) / ainv;
        const x = alpha * Math.exp(v);
        const z = u1 * u1 * u2;
        const r = bbb + ccc * v - x;
        if (r + sgMagic - 4.5 * z >= 0 || r >= Math.log(z)) return x * beta;
      }
    }
    if (alpha === 1) return -Math.log(1 - this.random()) * beta;
    // alpha < 1: ALGORITHM GS of Statistical Computing (Kennedy & Gentle). Its `p ** (1 / alpha)` can differ from
    // glibc's correctly rounded pow in the last bit, so a draw here may be one ulp away from CPython's.
    for (;;) {
      const u = this.random();
      const b = (Math.E + alpha) / Math.E;
      const p = b * u;
      const x = p <= 1 ? p ** (1 / alpha) : -Math.log((b - p) / alpha);
      const u1 = this.random();
      if (p > 1 ? u1 <= x ** (alpha - 1) : u1 <= Math.exp(-x)) return x * beta;
    }
  }

  /** `betavariate(alpha, beta)`: from two gamma variates. */
  betavariate(alpha: PyNumber, beta: PyNumber): number {
    const y = this.gammavariate(alpha, 1);
    return y !== 0 ? y / (y + this.gammavariate(beta, 1)) : 0;
  }

  /** `paretovariate(alpha)`. */
  paretovariate(alpha: PyNumber): number {
    return (1 - this.random()) ** (-1 / numberValue(alpha));
  }

  /** `weibullvariate(alpha, beta)`. */
  weibullvariate(alpha: PyNumber, beta: PyNumber): number {
    return numberValue(alpha) * (-Math.log(1 - this.random())) ** (1 / numberValue(beta));
  }

  /** `vonmisesvariate(mu, kappa)`: Fisher's algorithm (Statistical Analysis of Circular Data), as Lib/random.py. */
  vonmisesvariate(muArgument: PyNumber, kappaArgument: PyNumber): number {
    const [mu, kappa] = [numberValue(muArgument), numberValue(kappaArgument)];
    const twoPi = 2 * Math.PI;
    if (kappa <= 1e-6) return twoPi * this.random();
    const s = 0.5 / kappa;
    const r = s + Math.sqrt(1 + s * s);
    let z: number;
    for (;;) {
      z = Math.cos(Math.PI * this.random());
      const d = z / (r + z);
      const u2 = this.random();
      if (u2 < 1 - d * d || u2 <= (1 - d) * Math.exp(d)) break;
    }
    const q = 1 / r;
    const f = (q + z) / (1 + q * z);
    return this.random() > 0.5 ? mod(mu + Math.acos(f), twoPi, true) : mod(mu - Math.acos(f), twoPi, true);
  }

  // Lib/random.py _randbelow_with_getrandbits: k = n.bit_length() bits, retried until below n.
  private randbelow(n: number): number {
    const k = bitLength(n);
    let r = this.getrandbits(k);
    while (r >= n) r = this.getrandbits(k);
    return r;
  }

  private sampleCounted<T>(population: Sequence<T>, n: number, counts: number[], k: number): T[] {
    const cumulative: number[] = [];
    let total = 0;
    for (const c of counts) cumulative.push((total += c));
    if (cumulative.length !== n) throw new ValueError('The number of counts does not match the population');
    cumulative.pop();
    if (!Number.isInteger(total)) throw new TypeError('Counts must be integers');
    if (total <= 0) throw new ValueError('Total of counts must be greater than zero');
    return this.sample<number>(new PyRange(0, total, 1), k).map(
      (s) => getItem(population, bisectRight(cumulative, s, cumulative.length)) as T,
    );
  }
}

/** Float parameters bound from positional and keyword arguments, each read as a JS number (defaults where absent). */
function floats(bound: readonly unknown[], defaults: readonly number[]): number[] {
  return defaults.map((fallback, i) => {
    const value = bound[i] as PyNumber | undefined;
    return value === undefined ? fallback : numberValue(value);
  });
}

function isSequence(x: unknown): boolean {
  return typeof x === 'string' || Array.isArray(x) || x instanceof PyRange;
}

// Lib/random.py randrange: ints pass; an integral float is accepted (CPython warns); anything else is a ValueError.
function rangeArgument(x: unknown, which: string): number {
  if (typeof x === 'boolean') return Number(x);
  if (x instanceof PyFloat) x = x.value;
  if (typeof x !== 'number') throw new TypeError(`'${typeof x}' object cannot be interpreted as an integer`);
  if (!Number.isInteger(x)) throw new ValueError(`non-integer ${which} for randrange()`);
  return x;
}

function bitLength(n: number): number {
  let bits = 0;
  for (let v = Math.abs(n); v >= 1; v = Math.floor(v / 2)) bits++;
  return bits;
}

// Lib/bisect.py bisect_right over cumulative[0:hi].
function bisectRight(cumulative: readonly number[], x: number, hi: number): number {
  let lo = 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x < cumulative[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
