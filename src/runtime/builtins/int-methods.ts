// Methods of Python's int (Objects/longobject.c int_bit_length, int_bit_count, int_to_bytes, int_from_bytes). An
// int is a JS number or, beyond 2**53, a bigint (arithmetic.ts fromBigInt); these take either.
import { fromBigInt } from './arithmetic.js';
import { PyBytes } from './bytes.js';
import { OverflowError, TypeError, ValueError } from './exceptions.js';
import { typeName } from './type-name.js';

function toBigInt(x: number, method: string): bigint {
  if (typeof x === 'bigint') return x;
  if (typeof x === 'boolean') return BigInt(x);
  if (typeof x === 'number' && Number.isInteger(x)) return BigInt(x);
  throw new TypeError(`descriptor '${method}' for 'int' objects doesn't apply to a '${typeName(x)}' object`);
}

/** Python's `int.bit_length()`: the number of bits of |x|, 0 for 0. */
export function intBitLength(x: number): number {
  const n = toBigInt(x, 'bit_length');
  return n === 0n ? 0 : (n < 0n ? -n : n).toString(2).length;
}

/** Python's `int.bit_count()`: the number of ones in the binary form of |x|. */
export function intBitCount(x: number): number {
  const n = toBigInt(x, 'bit_count');
  return [...(n < 0n ? -n : n).toString(2)].filter((c) => c === '1').length;
}

/** The keyword arguments: a trailing options object (`{ signed: true }`, or `kw({…})`), taken off `args`. */
function keywords<T>(args: unknown[]): Partial<T> {
  const last = args[args.length - 1];
  return typeof last === 'object' && last !== null && !(last instanceof PyBytes) && !Array.isArray(last)
    ? (args.pop() as Partial<T>)
    : {};
}

function byteOrder(order: unknown): 'big' | 'little' {
  if (order === 'big' || order === 'little') return order;
  throw new ValueError("byteorder must be either 'little' or 'big'");
}

/** Python's `int.to_bytes(length=1, byteorder='big', *, signed=False)`. */
export function intToBytes(x: number, ...args: unknown[]): PyBytes {
  const options = keywords<{ length: number; byteorder: string; signed: boolean }>(args);
  const length = Number(args[0] ?? options.length ?? 1);
  const order = byteOrder(args[1] ?? options.byteorder ?? 'big');
  const signed = Boolean(options.signed);
  if (length < 0) throw new ValueError('length argument must be non-negative');
  let n = toBigInt(x, 'to_bytes');
  if (n < 0n && !signed) throw new OverflowError("can't convert negative int to unsigned");
  const bits = BigInt(length * 8);
  const fits = signed ? n >= -(1n << (bits - 1n)) && n < 1n << (bits - 1n) : n < 1n << bits;
  if (length === 0 ? n !== 0n : !fits) throw new OverflowError('int too big to convert');
  if (n < 0n) n += 1n << bits;
  const data = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--) {
    data[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return new PyBytes(order === 'big' ? data : data.reverse());
}

/** Python's `int.from_bytes(bytes, byteorder='big', *, signed=False)`. */
export function intFromBytes(source: unknown, ...args: unknown[]): number {
  const options = keywords<{ byteorder: string; signed: boolean }>(args);
  const order = byteOrder(args[0] ?? options.byteorder ?? 'big');
  const bytes = source instanceof PyBytes ? [...source.data] : Array.isArray(source) ? (source as number[]) : null;
  if (!bytes) throw new TypeError(`cannot convert '${typeName(source)}' object to bytes`);
  const ordered = order === 'big' ? bytes : [...bytes].reverse();
  let n = 0n;
  for (const b of ordered) n = (n << 8n) | BigInt(b);
  if (options.signed && ordered.length > 0 && ordered[0]! >= 0x80) n -= 1n << BigInt(ordered.length * 8);
  return fromBigInt(n);
}

/** The int methods by Python name, for receivers whose type is known only at run time (method-dispatch.ts). */
export const INT_METHODS: ReadonlyMap<string, (x: number, ...args: any[]) => unknown> = new Map<
  string,
  (x: number, ...args: any[]) => unknown
>([
  ['bit_length', intBitLength],
  ['bit_count', intBitCount],
  ['to_bytes', intToBytes],
]);
