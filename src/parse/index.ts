// The front end's public surface: parse source into the typed tree, read files safely, print trees.
export { parse, type ParseResult, MAX_TREE_DEPTH } from './parse.js';
export { formatTree } from './format-tree.js';
export { readSource, MAX_SOURCE_BYTES, type SourceText } from './read-source.js';
export type * from './ast.js';
