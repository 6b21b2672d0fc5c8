// CPython prints an object's address in default reprs (`<__main__.A object at 0x7f493165dcd0>`). JS has no
// addresses, so each object gets a stable fake one the first time it is asked for, shaped like a CPython heap address.

// The address of an object, kept on the object itself under a symbol (invisible to Object.keys, for…in, JSON and
// copy.copy, which copies string-keyed properties). A WeakMap lookup per id() cost most of the time of a set of
// tasks (sets hash objects by address) and slowed every garbage collection; defining the property as non-enumerable
// cost 4× a plain assignment. The WeakMap remains for objects that cannot take a property (frozen tuples).
const ADDRESS = Symbol('pyts.address');
const addresses = new WeakMap<object, number>();
// 0x7f0000000000 and up, 16-byte aligned, like the pointers CPython prints on 64-bit Linux.
let nextAddress = 0x7f3a5c000000;

/**
 * Python's `id(x)` for objects and functions: a number unique to `x` for its lifetime. Always a multiple of 16 and
 * below 2**53 (hashing.ts relies on both).
 */
export function id(x: unknown): number {
  if ((typeof x !== 'object' && typeof x !== 'function') || x === null) return hashPrimitiveId(x);
  const own = (x as { [ADDRESS]?: number })[ADDRESS];
  // Own, not inherited: a subclass (or an object made with Object.create) must not answer with its prototype's.
  if (own !== undefined && Object.hasOwn(x, ADDRESS)) return own;
  let address = addresses.get(x);
  if (address === undefined) {
    address = nextAddress;
    nextAddress += 48;
    if (Object.isExtensible(x)) (x as { [ADDRESS]?: number })[ADDRESS] = address;
    else addresses.set(x, address);
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
