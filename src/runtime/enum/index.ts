// pyts/runtime/enum: Python's enum module (Enum, IntEnum, StrEnum, auto, unique) and `defineMembers`, which the
// translator calls at the end of each enum class body (see enum.ts).

export { auto, Auto, defineMembers, Enum, IntEnum, StrEnum, unique } from './enum.js';
