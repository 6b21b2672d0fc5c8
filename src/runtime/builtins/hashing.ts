// Python's hash() (Python/pyhash.c, Objects/longobject.c long_hash, Objects/tupleobject.c tuplehash), reproduced
// where CPython's values are deterministic (ints, floats, bools, tuples of those), because a set's iteration
// order follows them. str hashes are randomised per process in CPython; here they are a fixed FNV-1a, which gives
// some order, as CPython's does.

import { isUnhashable } from './equality.js';
import { TypeError } from './exceptions.js';
import { PyFloat } from './py-float.js';
import { id } from './identity.js';
import { isTuple } from './tuple.js';
import { typeName } from './type-name.js';

const MODULUS = (1n << 61n) - 1n; // _PyHASH_MODULUS: ints hash to their value modulo 2**61 - 1.
const MODULUS_BITS = 61n;
// Below 2**53 a non-negative int is its own hash (it is below the modulus) and is exact as a number.
const MODULUS_NUMBER = 2 ** 53;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const HASH_INF = 314159n;
const MASK64 = (1n << 64n) - 1n;
// Objects/tupleobject.c: the xxHash primes.
const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

/**
 * The Python hash of `x` as an unsigned 64-bit value in canonical form: a number when below 2**53 (non-negative ints
 * and objects hashed by address, the common keys), otherwise a bigint. Two equal hashes are always in the same form.
 */
export type TableHash = number | bigint;

/** Python's `hash(x)` (a JS number, exact below 2**53). TypeError for lists, dicts and sets. */
export function hash(x: unknown): number {
  return Number(BigInt.asIntN(64, BigInt(tableHash(x))));
}

/** The hash a set stores for `x`: Python's hash, as an unsigned 64-bit TableHash. */
export function tableHash(x: unknown): TableHash {
  if (typeof x === 'number') {
    if (Number.isInteger(x) && x >= 0 && x < MODULUS_NUMBER) return x;
  } else if (typeof x === 'object' && x !== null && hashedByAddress(x)) {
    return addressHash(x);
  }
  return canonical(signedHash(x));
}

/**
 * `tableHash(x)` when `key` is `hashKey(x)`: an object that is its own key (no __hash__, no equality key) is hashed
 * by address without looking at it again.
 */
export function tableHashOfKey(x: unknown, key: unknown): TableHash {
  if (key === x && (typeof x === 'object' || typeof x === 'function') && x !== null) return addressHash(x);
  return tableHash(x);
}

function canonical(signed: bigint): TableHash {
  const unsigned = BigInt.asUintN(64, signed);
  return unsigned <= MAX_SAFE ? Number(unsigned) : unsigned;
}

function signedHash(x: unknown): bigint {
  switch (typeof x) {
    case 'number':
      return Number.isInteger(x) ? intHash(BigInt(x)) : floatHash(x);
    case 'boolean':
      return x ? 1n : 0n;
    case 'bigint':
      return intHash(x);
    case 'string':
      return stringHash(x);
    case 'undefined':
      return noneHash;
    case 'function':
      return pointerHash(x);
    default:
      if (x === null) return noneHash;
      if (x instanceof PyFloat) return Number.isInteger(x.value) ? intHash(BigInt(x.value)) : floatHash(x.value);
      if (isTuple(x)) return tupleHash(x as readonly unknown[]);
      return objectHash(x as object);
  }
}

// Objects/longobject.c long_hash: the value modulo 2**61 - 1 with the sign kept; -1 is reserved for errors.
function intHash(n: bigint): bigint {
  const negative = n < 0n;
  let h = (negative ? -n : n) % MODULUS;
  if (negative) h = -h;
  return h === -1n ? -2n : h;
}

// Python/pyhash.c _Py_HashDouble: the exact rational value modulo 2**61 - 1.
function floatHash(v: number): bigint {
  if (!Number.isFinite(v)) return v !== v ? pointerHash(nanIdentity) : v > 0 ? HASH_INF : -HASH_INF;
  if (Number.isInteger(v)) return intHash(BigInt(v));
  let [m, e] = frexp(v);
  let sign = 1n;
  if (m < 0) {
    sign = -1n;
    m = -m;
  }
  let x = 0n;
  while (m !== 0) {
    x = ((x << 28n) & MODULUS) | (x >> (MODULUS_BITS - 28n));
    m *= 268435456; // 2**28
    e -= 28;
    const y = Math.floor(m);
    m -= y;
    x += BigInt(y);
    if (x >= MODULUS) x -= MODULUS;
  }
  const shift = BigInt(e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61));
  x = ((x << shift) & MODULUS) | (x >> (MODULUS_BITS - shift));
  x *= sign;
  return x === -1n ? -2n : x;
}

// C's frexp: v = m * 2**e with 0.5 <= |m| < 1.
function frexp(v: number): [number, number] {
  let e = Math.max(-1073, Math.floor(Math.log2(Math.abs(v))) + 1);
  let m = v * 2 ** -e;
  while (Math.abs(m) < 0.5) {
    m *= 2;
    e -= 1;
  }
  while (Math.abs(m) >= 1) {
    m /= 2;
    e += 1;
  }
  return [m, e];
}

// Objects/tupleobject.c tuplehash (xxHash-based since 3.8).
function tupleHash(items: readonly unknown[]): bigint {
  let acc = XXPRIME_5;
  for (const item of items) {
    const lane = BigInt.asUintN(64, signedHash(item));
    acc = (acc + lane * XXPRIME_2) & MASK64;
    acc = ((acc << 31n) | (acc >> 33n)) & MASK64;
    acc = (acc * XXPRIME_1) & MASK64;
  }
  acc = (acc + (BigInt(items.length) ^ (XXPRIME_5 ^ 3527539n))) & MASK64;
  return acc === MASK64 ? 1546275796n : BigInt.asIntN(64, acc);
}

function stringHash(s: string): bigint {
  if (s === '') return 0n; // CPython: hash('') == 0 whatever the seed.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return BigInt(h);
}

// Python/pyhash.c _Py_HashPointer: the address rotated right by 4 bits. The fake addresses of identity.ts are
// 16-aligned and below 2**53, so the rotation is an exact division and the hash a positive number.
function addressHash(x: object): number {
  return id(x) / 16;
}

function pointerHash(x: object): bigint {
  return BigInt(addressHash(x));
}

const nanIdentity = {};
const noneHash = pointerHash({});

// An object without __hash__ that is hashable: hashed by its address (object.__hash__).
function hashedByAddress(x: object): boolean {
  return typeof (x as { __hash__?: unknown }).__hash__ !== 'function' && !(x instanceof PyFloat) && !isUnhashable(x);
}

function objectHash(x: object): bigint {
  const method = (x as { __hash__?: unknown }).__hash__;
  if (typeof method === 'function') return intHash(BigInt(Math.trunc(Number(method.call(x)))));
  if (isUnhashable(x)) throw new TypeError(`unhashable type: '${typeName(x)}'`);
  return pointerHash(x);
}
