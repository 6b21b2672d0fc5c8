// pyts/runtime/typing: the run-time side of Python's typing module. Most of typing is for the type checker and
// becomes TypeScript's own types in translation; what remains at run time is a `@runtime_checkable` Protocol,
// whose `isinstance` checks are structural.
import { TypeError } from '../builtins/exceptions.js';

/** A `@runtime_checkable` Protocol class at run time: `isinstance`/`issubclass` test for its members. */
export interface RuntimeProtocol {
  (...args: never[]): never;
  readonly __protocol_attrs__: readonly string[];
}

/**
 * The run-time value of a `@runtime_checkable` Protocol (typing._ProtocolMeta.__instancecheck__): an object is an
 * instance when it has every member the protocol declares, whatever its class. A class is a subclass when its
 * instances would have them.
 */
export function runtimeCheckable(name: string, members: readonly string[]): RuntimeProtocol {
  const has = (x: unknown): boolean =>
    x !== null && x !== undefined && members.every((m) => (Object(x) as Record<string, unknown>)[m] !== undefined);
  const protocol = function (): never {
    throw new TypeError('Protocols cannot be instantiated');
  } as unknown as RuntimeProtocol;
  Object.defineProperty(protocol, 'name', { value: name });
  Object.defineProperty(protocol, '__protocol_attrs__', { value: [...members] });
  // `issubclass(C, P)` reaches here as `C.prototype instanceof P` (builtins' issubclass)
  Object.defineProperty(protocol, Symbol.hasInstance, { value: has });
  return protocol;
}

/**
 * A subscripted type or other typing construct read at run time (`Config.__annotations__['n']` is
 * `typing.ClassVar[int]`): it prints as CPython's repr, which the translator writes.
 */
export class TypeForm {
  static readonly __pyname__ = '_GenericAlias';
  constructor(private readonly text: string) {}
  __repr__(): string {
    return this.text;
  }
}

/** `typeForm("typing.Optional[int]")`: the run-time value of an annotation that is not a plain class. */
export function typeForm(text: string): TypeForm {
  return new TypeForm(text);
}
