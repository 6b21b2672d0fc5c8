// CPython prints an object's address in default reprs (`<__main__.A object at 0x7f493165dcd0>`). JS has no
// addresses, so each object gets a stable fake one the first time it is asked for, shaped like a CPython heap address.

const addresses = new WeakMap<object, number>();
// 0x7f0000000000 and up, 16-byte aligned, like the pointers CPython prints on 64-bit Linux.
let nextAddress = 0x7f3a5c000000;

/** Python's `id(x)` for objects and functions: a number unique to `x` for its lifetime. */
export function id(x: unknown): number {
  if ((typeof x !== 'object' && typeof x !== 'function') || x === null) return hashPrimitiveId(x);
  let address = addresses.get(x);
  if (address === undefined) {
    address = nextAddress;
    nextAddress += 48;
    addresses.set(x, address);
  }
  return address;
}

/** The `0x…` text CPython prints for an object's address. */
export function addressOf(x: object): string {
  return '0x' + id(x).toString(16);
}

// Primitive values have no identity in JS; equal primitives share one id, as small ints and interned strings do.
const primitiveIds = new Map<unknown, number>();
function hashPrimitiveId(x: unknown): number {
  let address = primitiveIds.get(x);
  if (address === undefined) {
    address = nextAddress;
    nextAddress += 48;
    primitiveIds.set(x, address);
  }
  return address;
}
