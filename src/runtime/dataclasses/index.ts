// pyts/runtime/dataclasses: Python's dataclasses module for translated `@dataclass` classes (see dataclasses.ts
// for what the translator emits).

export {
  asdict,
  astuple,
  dataclass,
  Field,
  field,
  fields,
  freeze,
  FrozenInstanceError,
  isDataclass,
  MISSING,
  replace,
  type DataclassOptions,
  type FieldOptions,
} from './dataclasses.js';
