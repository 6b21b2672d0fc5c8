// CPython prints an object's address in default reprs (`<__main__.A object at 0x7f493165dcd0>`). JS has no
// addresses, so each object gets a stable fake one the first time it is asked for, shaped like a CPython heap address.

// An object's address is kept on the object itself under a symbol (invisible to Object.keys, for…in, JSON and
// copy.copy, which copies string-keyed properties): a WeakMap lookup per id() cost most of the time of a set of
// tasks (sets hash objects by address) and slowed every garbage collection. A property would be inherited, though:
// functions (classes, whose subclasses inherit from them) and objects that cannot take a property (frozen tuples)
// keep theirs in the WeakMap. Translated code never reaches an instance's prototype, so objects need no own-check.
const ADDRESS = Symbol('pyts.address');

/**
 * The address's key, for classes whose instances are often hashed by address (asyncio futures and tasks in sets):
 * declaring it as a field (`[_addressKey]: number | undefined = undefined`) gives every instance the slot, so the
 * first id() fills it in rather than adding a property, which changed the object's shape and allocated storage.
 */
export const _addressKey: typeof ADDRESS = ADDRESS;
const addresses = new WeakMap<object, number>();
// 0x7f0000000000 and up, 16-byte aligned, like the pointers CPython prints on 64-bit Linux.
let nextAddress = 0x7f3a5c000000;

/**
 * Python's `id(x)` for objects and functions: a number unique to `x` for its lifetime. Always a multiple of 16 and
 * below 2**53 (hashing.ts relies on both).
 */
export function id(x: unknown): number {
  if (typeof x === 'object' && x !== null) {
    const own = (x as { [ADDRESS]?: number })[ADDRESS];
    if (own !== undefined) return own;
    if (Object.isExtensible(x)) {
      const address = newAddress();
      (x as { [ADDRESS]?: number })[ADDRESS] = address;
      return address;
    }
  } else if (typeof x !== 'function') {
    return hashPrimitiveId(x);
  }
  let address = addresses.get(x as object);
  if (address === undefined) {
    address = newAddress();
    addresses.set(x as object, address);
  }
  return address;
}

function newAddress(): number {
  const address = nextAddress;
  nextAddress += 48;
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
    address = newAddress();
    primitiveIds.set(x, address);
  }
  return address;
}
