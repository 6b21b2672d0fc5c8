// pyts/runtime/math: Python's math module. Functions CPython documents as returning floats return plain numbers;
// floor, ceil, trunc and the integer functions return ints. Errors are CPython's ('math domain error'…).

export * from './float-functions.js';
export { fsum } from './fsum.js';
export { comb, factorial, gcd, isqrt, lcm, perm, prod } from './integer-functions.js';
