// Parameter lists of `def` and `lambda`, split into ast's Arguments groups (positional-only, regular, *args,
// keyword-only, **kwargs) with defaults aligned as in CPython's ast.
import type { Arg, Arguments, Expr, Range } from '../ast.js';
import type { CstNode } from '../cst.js';
import { type ConvertContext, PythonSyntaxError, UnknownConstruct, fieldChild, namedChildren, rangeOf, requiredField, textOf } from './context.js';
import { convertExpression } from './expressions.js';

/** An empty parameter list (a `lambda:` without parameters). */
export function emptyArguments(range: Range): Arguments {
  return { kind: 'Arguments', range, posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kwDefaults: [], kwarg: null, defaults: [] };
}

/** Converts a `parameters` or `lambda_parameters` node. */
export function convertParameters(node: CstNode, ctx: ConvertContext): Arguments {
  const result = emptyArguments(rangeOf(ctx, node));
  let keywordOnly = false;
  let sawDefault = false;
  for (const child of namedChildren(node)) {
    switch (child.type) {
      case 'positional_separator':
        result.posonlyargs = result.args;
        result.args = [];
        break;
      case 'keyword_separator':
        keywordOnly = true;
        break;
      case 'list_splat_pattern':
        result.vararg = argFrom(onlyName(child), null, ctx, child);
        keywordOnly = true;
        break;
      case 'dictionary_splat_pattern':
        result.kwarg = argFrom(onlyName(child), null, ctx, child);
        break;
      case 'identifier':
      case 'typed_parameter': {
        const annotation = child.type === 'typed_parameter' ? convertExpression(requiredField(child, 'type'), ctx) : null;
        const target = child.type === 'typed_parameter' ? namedChildren(child)[0]! : child;
        if (target.type === 'list_splat_pattern') {
          result.vararg = argFrom(onlyName(target), annotation, ctx, child);
          keywordOnly = true;
        } else if (target.type === 'dictionary_splat_pattern') {
          result.kwarg = argFrom(onlyName(target), annotation, ctx, child);
        } else if (keywordOnly) {
          result.kwonlyargs.push(argFrom(target, annotation, ctx, child));
          result.kwDefaults.push(null);
        } else {
          // CPython 3.11's message (Grammar/python.gram `invalid_parameters`).
          if (sawDefault) throw new PythonSyntaxError('non-default argument follows default argument', child.start, child.end);
          result.args.push(argFrom(target, annotation, ctx, child));
        }
        break;
      }
      case 'default_parameter':
      case 'typed_default_parameter': {
        const name = requiredField(child, 'name');
        if (name.type !== 'identifier') throw new PythonSyntaxError('invalid syntax', name.start, name.end);
        const typeNode = fieldChild(child, 'type');
        const annotation = typeNode === null ? null : convertExpression(typeNode, ctx);
        const value: Expr = convertExpression(requiredField(child, 'value'), ctx);
        if (keywordOnly) {
          result.kwonlyargs.push(argFrom(name, annotation, ctx, child));
          result.kwDefaults.push(value);
        } else {
          result.args.push(argFrom(name, annotation, ctx, child));
          result.defaults.push(value);
          sawDefault = true;
        }
        break;
      }
      case 'tuple_pattern':
        // Python 2's `def f(a, (b, c)):` unpacking.
        throw new PythonSyntaxError('invalid syntax', child.start, child.end);
      default:
        throw new UnknownConstruct(child.type, child.start);
    }
  }
  return result;
}

function onlyName(node: CstNode): CstNode {
  const name = namedChildren(node)[0];
  if (name === undefined || name.type !== 'identifier') throw new PythonSyntaxError('invalid syntax', node.start, node.end);
  return name;
}

function argFrom(name: CstNode, annotation: Expr | null, ctx: ConvertContext, whole: CstNode): Arg {
  return { kind: 'Arg', range: rangeOf(ctx, whole), arg: textOf(ctx, name), annotation };
}
