// Classes: `__init__` becomes the constructor, methods keep their (camelCase) names, dunders keep theirs (the
// runtime's str/repr/eq look them up), class-level assignments become static fields, and every `self.x = …`
// becomes a declared field so strict TypeScript accepts it.
import type { CodeBlockWriter } from 'ts-morph';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { expr, Untranslatable } from '../expressions/index.js';
import { attributeName } from '../expressions/names.js';
import { returnAnnotation } from '../functions/def.js';
import { writeFunctionBody } from '../functions/body.js';
import { parameterList } from '../functions/parameters.js';
import { docComment } from '../statements/expression-statement.js';

export function translateClass(s: ast.ClassDef, ctx: TranslateContext, w: CodeBlockWriter): void {
  if (s.decorators.length) throw new Untranslatable('a decorated class', s.decorators[0]!);
  if (s.bases.length > 1) throw new Untranslatable('multiple inheritance', s.bases[1]!);
  if (s.keywords.length) throw new Untranslatable('class keywords (metaclass=…)', s.keywords[0]!);
  const binding = ctx.analysis.types.bindingOf(s.name);
  const name = binding ? ctx.tsName(binding) : s.name.id;
  const base = s.bases[0] ? expr(s.bases[0], ctx) : null;
  if (s.docstring) w.writeLine(docComment(s.docstring));
  w.write(`class ${name}${base && base !== 'object' ? ` extends ${base}` : ''} `).block(() => {
    for (const field of instanceFields(s, ctx)) w.writeLine(`${field.name}: ${field.type};`);
    for (const stmt of s.body) writeMember(stmt, s, base !== null, ctx, w);
  });
}

function writeMember(stmt: ast.Stmt, cls: ast.ClassDef, hasBase: boolean, ctx: TranslateContext, w: CodeBlockWriter): void {
  switch (stmt.kind) {
    case 'Pass':
      return;
    case 'ExprStmt':
      if (stmt.value.kind === 'Constant' && (stmt.value.value.type === 'str' || stmt.value.value.type === 'Ellipsis')) return;
      throw new Untranslatable('an expression statement in a class body', stmt);
    case 'Assign':
      for (const t of stmt.targets) {
        if (t.kind !== 'Name') throw new Untranslatable('this class attribute', t);
        w.writeLine(`static ${attributeName(t.id)} = ${expr(stmt.value, ctx)};`);
      }
      return;
    case 'AnnAssign':
      if (stmt.target.kind !== 'Name') throw new Untranslatable('this class attribute', stmt.target);
      if (stmt.value) w.writeLine(`static ${attributeName(stmt.target.id)} = ${expr(stmt.value, ctx)};`);
      return;
    case 'FunctionDef':
      writeMethod(stmt, cls, hasBase, ctx, w);
      return;
    default:
      throw new Untranslatable(`'${stmt.kind}' in a class body`, stmt);
  }
}

function writeMethod(f: ast.FunctionDef, cls: ast.ClassDef, hasBase: boolean, ctx: TranslateContext, w: CodeBlockWriter): void {
  const decorators = f.decorators.map((d) => (d.kind === 'Name' ? d.id : ''));
  const isStatic = decorators.includes('staticmethod');
  const isClassMethod = decorators.includes('classmethod');
  const isProperty = decorators.includes('property');
  if (decorators.some((d) => !['staticmethod', 'classmethod', 'property'].includes(d))) {
    throw new Untranslatable('a method decorator other than @staticmethod, @classmethod or @property', f.decorators[0]!);
  }
  const info = ctx.analysis.types.functions.get(f) ?? null;
  const selfArg = isStatic ? null : ([...f.args.posonlyargs, ...f.args.args][0] ?? null);
  const params = parameterList(f.args, info, ctx, !isStatic);
  if (f.docstring) w.writeLine(docComment(f.docstring));
  const isInit = f.name.id === '__init__';
  const head = isInit
    ? `constructor(${params})`
    : `${isStatic || isClassMethod ? 'static ' : ''}${isProperty ? 'get ' : ''}${f.isAsync ? 'async ' : ''}${attributeName(f.name.id)}(${params})${returnAnnotation(f, ctx)}`;
  void cls;
  w.write(`${head} `).block(() => {
    if (isInit && hasBase && !callsSuperInit(f)) w.writeLine('super(...arguments);');
    writeFunctionBody(f, info, ctx, w, selfArg ? selfArg.arg : null);
  });
}

function callsSuperInit(f: ast.FunctionDef): boolean {
  return f.body.some(
    (s) =>
      s.kind === 'ExprStmt' &&
      s.value.kind === 'Call' &&
      s.value.func.kind === 'Attribute' &&
      s.value.func.attr.id === '__init__' &&
      s.value.func.value.kind === 'Call' &&
      s.value.func.value.func.kind === 'Name' &&
      s.value.func.value.func.id === 'super',
  );
}

/** Fields assigned as `self.x = …` in any method, with the type of what is assigned. */
function instanceFields(cls: ast.ClassDef, ctx: TranslateContext): { name: string; type: string }[] {
  const fields = new Map<string, string>();
  for (const stmt of cls.body) {
    if (stmt.kind !== 'FunctionDef') continue;
    const self = [...stmt.args.posonlyargs, ...stmt.args.args][0]?.arg;
    if (!self) continue;
    const visit = (block: readonly ast.Stmt[]) => {
      for (const s of block) {
        if (s.kind === 'Assign' || s.kind === 'AnnAssign') {
          const targets = s.kind === 'Assign' ? s.targets : [s.target];
          for (const t of targets) {
            if (t.kind === 'Attribute' && t.value.kind === 'Name' && t.value.id === self && !fields.has(t.attr.id)) {
              const type = s.kind === 'AnnAssign' ? ctx.analysis.types.typeOfAnnotation(s.annotation) : s.value ? ctx.analysis.types.typeOf(s.value) : null;
              fields.set(t.attr.id, type ? ctx.ts(type) : 'any');
            }
          }
        }
        if (s.kind === 'If' || s.kind === 'For' || s.kind === 'While') {
          visit(s.body);
          visit(s.orelse);
        } else if (s.kind === 'Try') {
          visit(s.body);
          s.handlers.forEach((h) => visit(h.body));
          visit(s.finalbody);
        } else if (s.kind === 'With') visit(s.body);
      }
    };
    visit(stmt.body);
  }
  return [...fields].map(([name, type]) => ({ name: attributeName(name), type: type === 'null' ? 'any' : type }));
}
