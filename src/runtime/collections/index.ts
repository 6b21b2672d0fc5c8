// pyts/runtime/collections: Python's collections module (deque, defaultdict, Counter, OrderedDict, namedtuple).

export { PyCounter, Counter } from './counter.js';
export { DefaultDict, defaultdict } from './defaultdict.js';
export { Deque, deque } from './deque.js';
export { namedtuple, type NamedTupleClass, type NamedTupleInstance } from './namedtuple.js';
export { PyOrderedDict, OrderedDict } from './ordered-dict.js';
export { callableClass, isOptions, optionEntries, splitOptions, type PyClass } from './python-class.js';
