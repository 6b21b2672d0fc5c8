// CPython's random number generator, bit for bit (Modules/_randommodule.c): MT19937 seeded by init_by_array with
// the 32-bit words of the seed, 53-bit floats from two outputs, and getrandbits assembling little-endian words.

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/** The Mersenne Twister state CPython's `random.Random` wraps. */
export class MersenneTwister {
  private readonly mt = new Uint32Array(N);
  private index = N + 1;
  private pendingKey: (() => readonly number[]) | null = null;

  /** _randommodule.c init_by_array: seed from 32-bit words (at least one; `[0]` for a seed of 0). */
  seedWords(key: readonly number[]): void {
    this.pendingKey = null;
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(prev, 1664525)) + key[j]! + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  /** Seed with `key()`'s words (as seedWords) when the first output is drawn. */
  seedLazily(key: () => readonly number[]): void {
    this.pendingKey = key;
    this.index = N;
  }

  /** _randommodule.c genrand_uint32: the next 32-bit output. */
  nextUint32(): number {
    const mt = this.mt;
    if (this.index >= N) {
      const key = this.pendingKey;
      if (key !== null) {
        this.pendingKey = null;
        this.seedWords(key());
      }
      let kk = 0;
      for (; kk < N - M; kk++) {
        const y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
        mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      for (; kk < N - 1; kk++) {
        const y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
        mt[kk] = mt[kk + (M - N)]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      const y = (mt[N - 1]! & UPPER_MASK) | (mt[0]! & LOWER_MASK);
      mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      this.index = 0;
    }
    let y = mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** _randommodule.c random_random: a float in [0, 1) with 53 random bits. */
  nextFloat(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) * (1 / 9007199254740992);
  }

  /** _randommodule.c getrandbits: k random bits, the first output supplying the lowest 32. */
  nextBits(k: number): bigint {
    let result = 0n;
    for (let shift = 0n; k > 0; k -= 32, shift += 32n) {
      let word = this.nextUint32();
      if (k < 32) word >>>= 32 - k;
      result |= BigInt(word) << shift;
    }
    return result;
  }

  private initGenrand(seed: number): void {
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.index = N;
  }
}
