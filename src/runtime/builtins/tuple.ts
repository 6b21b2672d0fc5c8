// A Python tuple is a frozen JS array carrying a private brand, so it prints `(1, 2)` and compares like a tuple
// while the translated code can still index it and destructure it natively.

const TUPLE_BRAND = Symbol.for('pyts.tuple');

/** Python's `(a, b, …)`: a frozen array that `isTuple` recognises. */
export function tuple<T extends unknown[]>(...items: T): Readonly<T> {
  // A plain assignment is about twice as fast as Object.defineProperty here, and tuples are made on hot paths
  // (enumerate, zip, dict items); symbol keys stay out of Object.keys, for…in and JSON.
  (items as unknown as Record<symbol, boolean>)[TUPLE_BRAND] = true;
  return Object.freeze(items);
}

/**
 * Make `items` itself a tuple (frozen, with a non-enumerable brand, which structural comparisons such as test
 * matchers do not see). Slower than `tuple`; for arrays made elsewhere and read rarely, like exception args.
 */
export function markTuple<T>(items: T[]): readonly T[] {
  Object.defineProperty(items, TUPLE_BRAND, { value: true });
  return Object.freeze(items);
}

/** Python's `tuple(iterable)`: a tuple holding the items of any JS iterable. */
export function tupleFrom<T = any>(items: Iterable<T>): readonly T[] {
  return tuple(...items);
}

/** True when `x` was made by `tuple` (a Python tuple), false for lists and any other value. */
export function isTuple(x: unknown): boolean {
  return Array.isArray(x) && (x as unknown as Record<symbol, unknown>)[TUPLE_BRAND] === true;
}

/**
 * A named tuple (`sys.version_info`, `time.struct_time`): a tuple whose items are also readable by field name,
 * printed as `typeName(field=value, …)`.
 */
export function namedTuple<T extends unknown[]>(
  typeName: string, fields: readonly string[], values: T, reprItem: (x: unknown) => string,
): Readonly<T> & Record<string, unknown> {
  const items = [...values];
  fields.forEach((field, i) => {
    Object.defineProperty(items, field, { value: values[i], enumerable: false });
    // translated code reads a runtime object's snake_case attribute by its camelCase name (`t.tm_year` → `t.tmYear`)
    const camel = field.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    if (camel !== field) Object.defineProperty(items, camel, { value: values[i], enumerable: false });
  });
  Object.defineProperty(items, '__repr__', {
    value: () => `${typeName}(${fields.map((f, i) => `${f}=${reprItem(values[i])}`).join(', ')})`,
  });
  (items as unknown as Record<symbol, boolean>)[TUPLE_BRAND] = true;
  return Object.freeze(items) as unknown as Readonly<T> & Record<string, unknown>;
}
