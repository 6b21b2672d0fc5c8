// pyts/runtime/random: Python's random module. The module functions share one hidden `Random`, seeded from OS
// randomness at start-up as CPython's is; `random.seed(42)` then reproduces CPython's sequence exactly.

import { callableClass } from '../collections/python-class.js';
import { Random as RandomClass } from './random.js';

/** `random.Random`: call it as Python does, `random.Random(7)`. */
export const Random = callableClass(RandomClass, 'random.Random');
export type Random = RandomClass;

const shared = new RandomClass();

export const seed = shared.seed.bind(shared);
export const random = shared.random.bind(shared);
export const getrandbits = shared.getrandbits.bind(shared);
export const randrange = shared.randrange.bind(shared);
export const randint = shared.randint.bind(shared);
export const choice = shared.choice.bind(shared) as RandomClass['choice'];
export const shuffle = shared.shuffle.bind(shared);
export const sample = shared.sample.bind(shared) as RandomClass['sample'];
export const choices = shared.choices.bind(shared) as RandomClass['choices'];
export const uniform = shared.uniform.bind(shared);
export const triangular = shared.triangular.bind(shared);
export const gauss = shared.gauss.bind(shared);
export const normalvariate = shared.normalvariate.bind(shared);
export const expovariate = shared.expovariate.bind(shared);
export const lognormvariate = shared.lognormvariate.bind(shared);
export const gammavariate = shared.gammavariate.bind(shared);
export const betavariate = shared.betavariate.bind(shared);
export const paretovariate = shared.paretovariate.bind(shared);
export const weibullvariate = shared.weibullvariate.bind(shared);
export const vonmisesvariate = shared.vonmisesvariate.bind(shared);
