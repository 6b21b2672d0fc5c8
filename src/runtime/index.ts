// pyts/runtime: the Python builtins translated code imports (`import { print, repr } from "pyts/runtime"`).
// Importing it installs the process handlers that print uncaught exceptions as CPython does.

import './builtins/builtin-names.js';
import { installProcessHandlers } from './builtins/process-handlers.js';

export * from './builtins/exceptions.js';
export { unboundLocal, undefinedName } from './builtins/name-error.js';
export { abs, addInt, divmod, floorDiv, fromBigInt, mod, mulInt, pow, round, subInt, trueDiv } from './builtins/arithmetic.js';
export { bitAnd, bitNot, bitOr, bitXor, lshift, rshift } from './builtins/bitwise.js';
export { callable, isinstance, issubclass, object, PyObject, type, UnionType, type ClassInfo } from './builtins/builtin-types.js';
export { bases, mixin, mro, superOf } from './builtins/class-hierarchy.js';
export { bound, classAttributes, delattr, getattr, hasattr, setattr, vars } from './builtins/attributes.js';
export { classmethod, property, pythonMembers, staticmethod } from './builtins/descriptors.js';
export { asyncExitSwallows, exitSwallows } from './builtins/context-managers.js';
export { bytearray, bytes, bytesLiteral, PyByteArray, PyBytes, strEncode } from './builtins/bytes.js';
export { bin, chr, hex, oct, ord } from './builtins/characters.js';
export { bool, float, int, list } from './builtins/conversions.js';
export { dict, DictView, PyDict } from './builtins/dict.js';
export { eq, hashKey, ne, NotImplemented } from './builtins/equality.js';
export { asFloats } from './builtins/float-containers.js';
export { asFloat, PyFloat, type PyNumber } from './builtins/py-float.js';
export { open, TextFile, UnsupportedOperation } from './builtins/file-io.js';
export { format, formatFloat, formatInt, formatString } from './builtins/format-spec.js';
export { hash } from './builtins/hashing.js';
export { id } from './builtins/identity.js';
export { input } from './builtins/input.js';
export {
  all, any, enumerate, filter, iter, iterable, map, max, min, next, reversed, sort, sorted, sum, zip,
  type MinMaxOptions, type SortOptions,
} from './builtins/iteration.js';
export { iterate } from './builtins/iterator-protocol.js';
export { isKw, kw, splitKw, type Kw } from './builtins/kw.js';
export { listCount, listExtend, listIndex, listInsert, listPop, listRemove, listSort } from './builtins/list-methods.js';
export { globalsOf, isMain, moduleFile, moduleName, setMainModule } from './builtins/modules.js';
export {
  add,
  and,
  bitOp,
  matmul,
  mul,
  neg,
  or,
  pos,
  pyDivmod,
  pyFloorDiv,
  pyMod,
  pyPow,
  pyTrueDiv,
  sub,
  type BitOperator,
} from './builtins/operators.js';
export { iadd, iand, imul, ior, isub, ixor } from './builtins/inplace.js';
export { compare, ge, gt, le, lt } from './builtins/ordering.js';
export { print, type PrintOptions } from './builtins/print.js';
export { exitWithUncaught, installProcessHandlers } from './builtins/process-handlers.js';
export { percentFormat } from './builtins/percent-format.js';
export { generator, PyGenerator } from './builtins/generators.js';
export { docOf, nameOf } from './builtins/names.js';
export { callMethod } from './builtins/method-dispatch.js';
export { intBitCount, intBitLength, intToBytes } from './builtins/int-methods.js';
export { pythonFunctions } from './builtins/function-names.js';
export { badCall, callFails, callPython, pythonFunction, pythonMethod, signatureOf, withSignature } from './builtins/signature.js';
export { guardStopIteration } from './builtins/pep479.js';
export { tracebackOf, TracebackType } from './builtins/traceback-object.js';
export { matchMapping, matchSequence, mappingRest, sequenceItems } from './builtins/patterns.js';
export { PyRange, range } from './builtins/range.js';
export { repr, str } from './builtins/repr.js';
export {
  contains, delItem, delSlice, getItem, len, setItem, setSlice, Slice, slice, sliceObject, unpack,
} from './builtins/sequences.js';
export { constantSet, frozenset, PyFrozenSet, PySet, set } from './builtins/set.js';
export * from './builtins/str-methods.js';
export { ascii, strFormat } from './builtins/str-format.js';
export { flushStdout, writeStderr, writeStdout } from './builtins/stdio.js';
export { toPyException } from './builtins/to-py-exception.js';
export { formatException, formatExceptionOnly } from './builtins/traceback.js';
export { truthy } from './builtins/truthiness.js';
export { isTuple, namedTuple, tuple, tupleFrom } from './builtins/tuple.js';
export { typeName } from './builtins/type-name.js';

installProcessHandlers();
