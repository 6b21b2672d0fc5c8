// Classes: `__init__` becomes the constructor, methods keep their (camelCase) names, dunders keep theirs (the
// runtime's str/repr/eq look them up), class-level assignments become static fields, and every `self.x = …`
// becomes a declared field so strict TypeScript accepts it.
import CodeBlockWriter from 'code-block-writer';
import { containsYield } from '../../analyze/infer.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { expr, Untranslatable } from '../expressions/index.js';
import { attributeName } from '../expressions/names.js';
import { returnAnnotation } from '../functions/def.js';
import { writeFunctionBody } from '../functions/body.js';
import { parameters } from '../functions/parameters.js';
import { docComment } from '../statements/expression-statement.js';
import { isProtocolClass, isTypingBase, writeProtocol } from '../typing/index.js';

export function translateClass(s: ast.ClassDef, ctx: TranslateContext, w: CodeBlockWriter): void {
  const binding = ctx.analysis.types.bindingOf(s.name);
  const name = binding ? ctx.tsName(binding) : s.name.id;
  if (isProtocolClass(s, ctx)) {
    writeProtocol(s, name, ctx, w);
    return;
  }
  // `Generic[T]` says nothing at run time
  const bases = s.bases.filter((b) => !isTypingBase(b, ctx));
  if (bases.length > 1) throw new Untranslatable('multiple inheritance', bases[1]!);
  if (bases[0]?.kind === 'Starred') throw new Untranslatable('starred base classes', bases[0]);
  if (s.keywords.length) throw new Untranslatable('class keywords (metaclass=…)', s.keywords[0]!);
  const base = bases[0] ? expr(bases[0], ctx) : null;
  const dataclass = dataclassOptions(s, ctx);
  const isEnum = bases[0] !== undefined && isEnumBase(bases[0], ctx);
  const decorators = s.decorators.filter((d) => !isDataclassDecorator(d, ctx)).map((d) => expr(d, ctx));
  if (s.docstring) w.writeLine(docComment(s.docstring));
  const head = `class ${name}${base && base !== 'object' ? ` extends ${base}` : ''} `;
  const shared = dataclass || isEnum ? [] : classAttributeNames(s);
  // static and class methods are also called through instances (`self.helper(x)`)
  const staticMethods = isEnum ? [] : staticMethodNames(s);
  const defines = (method: string) => s.body.some((m) => m.kind === 'FunctionDef' && m.name.id === method);
  const body = () => {
    const fields = instanceFields(s, ctx);
    for (const field of fields) {
      // an instance's own value of a class attribute appears when assigned, not as an initial `undefined`
      w.writeLine(`${shared.includes(field.name) ? 'declare ' : ''}${field.name}: ${field.type};`);
    }
    for (const attr of shared) {
      if (fields.some((f) => f.name === attr)) continue;
      const t = classAttributeType(s, attr, ctx);
      w.writeLine(`declare ${attr}: ${t};`);
    }
    for (const method of staticMethods) w.writeLine(`declare ${method}: typeof ${name}.${method};`);
    if (dataclass) writeDataclassMembers(s, name, dataclass, ctx, w);
    const members = isEnum ? enumMembers(s) : [];
    for (const m of members) w.writeLine(`declare static readonly ${attributeName(m.target.id)}: ${name};`);
    for (const stmt of s.body) {
      ctx.writeCommentsBefore(stmt.range.start.line, w);
      if (dataclass && stmt.kind === 'AnnAssign') continue;
      if (members.some((m) => m.statement === stmt)) continue;
      try {
        // each member is written whole or not at all (a failure inside a method leaves no half method)
        const scratch = new CodeBlockWriter({ indentNumberOfSpaces: 2 });
        writeMember(stmt, s, base !== null, ctx, scratch);
        const written = scratch.toString();
        w.write(written && ctx.marker(stmt) + written).newLineIfLastNot();
      } catch (error) {
        if (!(error instanceof Untranslatable)) throw error;
        // a class body holds members, not statements: the refusal goes in a static block
        ctx.report('PYTS3001', error.node, [error.construct]);
        const message = `pyts could not translate ${error.construct} (line ${error.node.range.start.line})`;
        w.writeLine(`static { throw new ${ctx.rt('NotImplementedError')}(${JSON.stringify(message)}); }`);
      }
    }
    // Python sets `__hash__` to None in a class that defines `__eq__` alone: its instances are unhashable
    if (!dataclass && defines('__eq__') && !defines('__hash__') && !shared.includes('__hash__')) {
      w.writeLine('static readonly __hash__ = null;');
    }
    // class attributes are read through instances too (`self.limit`)
    const seenThroughInstances = [...shared, ...staticMethods];
    if (seenThroughInstances.length) {
      const names = seenThroughInstances.map((n) => `'${n}'`).join(', ');
      w.writeLine(`static { ${ctx.rt('classAttributes')}(this, ${names}); }`);
    }
    // Python iterates an object through `__iter__`, or `__getitem__` alone; JavaScript through Symbol.iterator
    // (a subclass of another class that only adds `__getitem__` keeps its base's iteration)
    if (defines('__iter__') || (defines('__getitem__') && bases.length === 0)) {
      w.writeLine(`[Symbol.iterator](): Iterator<any> { return ${ctx.rt('iterate')}(this); }`);
    }
  };
  const bodyWithMembers = () => {
    body();
    if (!isEnum) return;
    // the members become instances of the class once it exists (enum.defineMembers, src/runtime/enum)
    const values = enumMembers(s).map((m) => `${attributeName(m.target.id)}: ${expr(m.statement.value, ctx)}`);
    w.writeLine(`static { ${ctx.namespace('enum')}.defineMembers(this, { ${values.join(', ')} }); }`);
  };
  if (decorators.length === 0) {
    w.write(head).block(bodyWithMembers);
    return;
  }
  // `@a @b class C` is `C = a(b(C))`
  w.write(`const ${name} = ${decorators.map((d) => `${d}(`).join('')}${head}`).inlineBlock(bodyWithMembers);
  w.write(`${')'.repeat(decorators.length)};`).newLine();
}

function writeMember(
  stmt: ast.Stmt,
  cls: ast.ClassDef,
  hasBase: boolean,
  ctx: TranslateContext,
  w: CodeBlockWriter,
): void {
  switch (stmt.kind) {
    case 'Pass':
      return;
    case 'ExprStmt':
      if (stmt.value.kind === 'Constant' && (stmt.value.value.type === 'str' || stmt.value.value.type === 'Ellipsis'))
        return;
      throw new Untranslatable('an expression statement in a class body', stmt);
    case 'Assign':
      for (const t of stmt.targets) {
        if (t.kind === 'Name') {
          w.writeLine(`static ${attributeName(t.id)} = ${expr(stmt.value, ctx)};`);
        } else if ((t.kind === 'Tuple' || t.kind === 'List') && t.elts.every((e) => e.kind === 'Name')) {
          // `x, y = 1, 2` in a class body: one static field each, from the unpacked value
          const values = stmt.value.kind === 'Tuple' && stmt.value.elts.length === t.elts.length ? stmt.value.elts.map((v) => expr(v, ctx)) : null;
          if (!values) throw new Untranslatable('unpacking a non-literal into class attributes', t);
          t.elts.forEach((e, i) => w.writeLine(`static ${attributeName((e as ast.Name).id)} = ${values[i]};`));
        } else {
          throw new Untranslatable('this class attribute', t);
        }
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

function writeMethod(
  f: ast.FunctionDef,
  cls: ast.ClassDef,
  hasBase: boolean,
  ctx: TranslateContext,
  w: CodeBlockWriter,
): void {
  const decorators = f.decorators.map((d) =>
    d.kind === 'Name' ? d.id : d.kind === 'Attribute' && d.attr.id === 'setter' ? 'setter' : '',
  );
  const isStatic = decorators.includes('staticmethod');
  const isClassMethod = decorators.includes('classmethod');
  const isProperty = decorators.includes('property');
  const isSetter = decorators.includes('setter');
  if (decorators.some((d) => !['staticmethod', 'classmethod', 'property', 'setter'].includes(d))) {
    throw new Untranslatable(
      'a method decorator other than @staticmethod, @classmethod, @property or @x.setter',
      f.decorators[0]!,
    );
  }
  const info = ctx.analysis.types.functions.get(f) ?? null;
  const selfArg = isStatic ? null : ([...f.args.posonlyargs, ...f.args.args][0] ?? null);
  const { list: params, prologue } = parameters(f.args, info, ctx, !isStatic);
  if (f.docstring) w.writeLine(docComment(f.docstring));
  const isInit = f.name.id === '__init__';
  // a method that yields is a generator method (`def __iter__(self): yield …`, `def __await__(self): yield`)
  const isGenerator = containsYield(f.body);
  if (isGenerator && (isProperty || isSetter || isInit)) throw new Untranslatable('a generator as a property or constructor', f);
  const head = isInit
    ? `constructor(${params})`
    : `${isStatic || isClassMethod ? 'static ' : ''}${isProperty ? 'get ' : isSetter ? 'set ' : ''}${f.isAsync ? 'async ' : ''}${isGenerator ? '*' : ''}${attributeName(f.name.id)}(${params})${isSetter || isGenerator ? '' : returnAnnotation(f, ctx)}`;
  void cls;
  w.write(`${head} `).block(() => {
    if (isInit && hasBase && !callsSuperInit(f)) w.writeLine('super(...arguments);');
    writeFunctionBody(f, info, ctx, w, selfArg ? selfArg.arg : null, prologue);
  });
}

/** The TypeScript names of the class's `@staticmethod`s and `@classmethod`s. */
function staticMethodNames(cls: ast.ClassDef): string[] {
  return cls.body.flatMap((s) =>
    s.kind === 'FunctionDef' &&
    s.decorators.some((d) => d.kind === 'Name' && (d.id === 'staticmethod' || d.id === 'classmethod'))
      ? [attributeName(s.name.id)]
      : [],
  );
}

/** Names defined by `@property` in the class or its bases (classes of this module). */
function propertyNames(cls: ast.ClassDef, ctx: TranslateContext, depth = 0): string[] {
  const own = cls.body.flatMap((s) =>
    s.kind === 'FunctionDef' && s.decorators.some((d) => d.kind === 'Name' && d.id === 'property') ? [s.name.id] : [],
  );
  const base = cls.bases[0];
  const baseClass = base?.kind === 'Name' && depth < 20 ? ctx.analysis.types.classes.get(base.id) : undefined;
  return baseClass ? [...own, ...propertyNames(baseClass, ctx, depth + 1)] : own;
}

/** The class attributes a class body assigns (`limit = 3`, `count: int = 0`), as their TypeScript names. */
function classAttributeNames(cls: ast.ClassDef): string[] {
  const names: string[] = [];
  for (const stmt of cls.body) {
    const targets =
      stmt.kind === 'Assign' ? stmt.targets.flatMap((t) => (t.kind === 'Tuple' || t.kind === 'List' ? t.elts : [t])) : stmt.kind === 'AnnAssign' && stmt.value ? [stmt.target] : [];
    for (const t of targets) if (t.kind === 'Name' && !names.includes(attributeName(t.id))) names.push(attributeName(t.id));
  }
  return names;
}

function classAttributeType(cls: ast.ClassDef, tsName: string, ctx: TranslateContext): string {
  for (const stmt of cls.body) {
    if (stmt.kind === 'AnnAssign' && stmt.target.kind === 'Name' && attributeName(stmt.target.id) === tsName) {
      const t = ctx.analysis.types.typeOfAnnotation(stmt.annotation);
      if (t) return ctx.ts(t);
    }
    if (stmt.kind === 'Assign' && stmt.targets.some((t) => t.kind === 'Name' && attributeName(t.id) === tsName)) {
      const t = ctx.ts(ctx.analysis.types.typeOf(stmt.value));
      return t === 'null' || t === 'never[]' ? 'any' : t;
    }
  }
  return 'any';
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

/** Fields assigned as `self.x = …` in any method, with the type of what is assigned (a property's setter is not
 *  a field: `self.celsius = v` in `__init__` runs it). */
function instanceFields(cls: ast.ClassDef, ctx: TranslateContext): { name: string; type: string }[] {
  const fields = new Map<string, string>();
  for (const name of propertyNames(cls, ctx)) fields.set(name, 'property');
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
              const type =
                s.kind === 'AnnAssign'
                  ? ctx.analysis.types.typeOfAnnotation(s.annotation)
                  : s.value
                    ? ctx.analysis.types.typeOf(s.value)
                    : null;
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
  return [...fields]
    .filter(([, type]) => type !== 'property')
    .map(([name, type]) => ({ name: attributeName(name), type: type === 'null' ? 'any' : type }));
}

// ------------------------------------------------------------------------------------------------ @dataclass

interface DataclassOptions {
  order: boolean;
  eq: boolean;
  repr: boolean;
}

function isDataclassDecorator(d: ast.Expr, ctx: TranslateContext): boolean {
  const target = d.kind === 'Call' ? d.func : d;
  if (target.kind === 'Name') {
    const imp = ctx.analysis.types.importOf(target);
    return imp?.module === 'dataclasses' && imp.member === 'dataclass';
  }
  return (
    target.kind === 'Attribute' &&
    target.attr.id === 'dataclass' &&
    target.value.kind === 'Name' &&
    ctx.analysis.types.isModule(target.value, 'dataclasses')
  );
}

function dataclassOptions(s: ast.ClassDef, ctx: TranslateContext): DataclassOptions | null {
  const d = s.decorators.find((x) => isDataclassDecorator(x, ctx));
  if (!d) return null;
  const flag = (name: string, dflt: boolean) => {
    if (d.kind !== 'Call') return dflt;
    const k = d.keywords.find((x) => x.arg?.id === name);
    return k ? k.value.kind === 'Constant' && k.value.value.type === 'bool' && k.value.value.value : dflt;
  };
  return { order: flag('order', false), eq: flag('eq', true), repr: flag('repr', true) };
}

interface DataclassField {
  python: string;
  ts: string;
  type: string;
  isFloat: boolean;
  /** the default as TypeScript, evaluated per call like `default_factory` (null: required) */
  initial: string | null;
}

/** The generated `__init__`, `__repr__`, `__eq__` and ordering methods CPython's dataclass would add. */
function writeDataclassMembers(
  s: ast.ClassDef,
  name: string,
  options: DataclassOptions,
  ctx: TranslateContext,
  w: CodeBlockWriter,
): void {
  const fields: DataclassField[] = [];
  for (const stmt of s.body) {
    if (stmt.kind !== 'AnnAssign' || stmt.target.kind !== 'Name') continue;
    const annotation = stmt.annotation;
    if (annotation.kind === 'Subscript' && annotation.value.kind === 'Name' && annotation.value.id === 'ClassVar')
      continue;
    const t = ctx.analysis.types.typeOfAnnotation(annotation) ?? { k: 'unknown' as const };
    fields.push({
      python: stmt.target.id,
      ts: attributeName(stmt.target.id),
      type: ctx.ts(t),
      isFloat: t.k === 'float',
      initial: stmt.value ? fieldDefault(stmt.value, ctx) : null,
    });
  }
  for (const f of fields) w.writeLine(`${f.ts}: ${f.type};`);
  const hasInit = s.body.some((x) => x.kind === 'FunctionDef' && x.name.id === '__init__');
  if (!hasInit) {
    const params = fields.map((f) => `${f.ts}: ${f.type}${f.initial !== null ? ` = ${f.initial}` : ''}`).join(', ');
    w.write(`constructor(${params}) `).block(() => {
      for (const f of fields) w.writeLine(`this.${f.ts} = ${f.ts};`);
    });
  }
  const has = (method: string) => s.body.some((x) => x.kind === 'FunctionDef' && x.name.id === method);
  if (options.repr && !has('__repr__')) {
    const parts = fields.map(
      (f) => `${f.python}=\${${ctx.rt('repr')}(${f.isFloat ? `${ctx.rt('asFloat')}(this.${f.ts})` : `this.${f.ts}`})}`,
    );
    w.write('__repr__(): string ').block(() =>
      w.writeLine(`return \`\${${ctx.rt('typeName')}(this)}(${parts.join(', ')})\`;`),
    );
  }
  const values = (target: string) => `[${fields.map((f) => `${target}.${f.ts}`).join(', ')}]`;
  if (options.eq && !has('__eq__')) {
    w.write('__eq__(other: unknown): unknown ').block(() => {
      w.writeLine(
        `if (!(other instanceof ${name}) || other.constructor !== this.constructor) return ${ctx.rt('NotImplemented')};`,
      );
      w.writeLine(`return ${ctx.rt('eq')}(${values('this')}, ${values('other')});`);
    });
  }
  if (options.order) {
    for (const [method, op] of [
      ['__lt__', '<'],
      ['__le__', '<='],
      ['__gt__', '>'],
      ['__ge__', '>='],
    ] as const) {
      if (has(method)) continue;
      w.write(`${method}(other: unknown): unknown `).block(() => {
        w.writeLine(
          `if (!(other instanceof ${name}) || other.constructor !== this.constructor) return ${ctx.rt('NotImplemented')};`,
        );
        w.writeLine(`return ${ctx.rt('compare')}(${values('this')}, ${values('other')}) ${op} 0;`);
      });
    }
  }
}

/** A field's default: `field(default_factory=f)` becomes a default parameter `f()` (evaluated per call, exactly
 *  what default_factory means); `field(default=x)` and plain values become `x`. */
function fieldDefault(value: ast.Expr, ctx: TranslateContext): string {
  if (value.kind === 'Call' && value.func.kind === 'Name' && value.func.id === 'field') {
    const factory = value.keywords.find((k) => k.arg?.id === 'default_factory');
    if (factory)
      return `${expr({ kind: 'Call', func: factory.value, args: [], keywords: [], range: factory.range }, ctx)}`;
    const dflt = value.keywords.find((k) => k.arg?.id === 'default');
    if (dflt) return expr(dflt.value, ctx);
    throw new Untranslatable('field() without a default', value);
  }
  return expr(value, ctx);
}

// ------------------------------------------------------------------------------------------------ enum

const ENUM_BASES = new Set(['Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag']);

/** `class Color(Enum)` / `class Color(enum.IntEnum)`: a base from the enum module. */
function isEnumBase(base: ast.Expr, ctx: TranslateContext): boolean {
  if (base.kind === 'Name') {
    const imp = ctx.analysis.types.importOf(base);
    return imp?.module === 'enum' && ENUM_BASES.has(imp.member ?? '');
  }
  return base.kind === 'Attribute' && ENUM_BASES.has(base.attr.id) && base.value.kind === 'Name' && ctx.analysis.types.isModule(base.value, 'enum');
}

/** An enum's members: its plain `NAME = value` class attributes (not dunders, not `_sunder_` names). */
function enumMembers(s: ast.ClassDef): { statement: ast.Assign; target: ast.Name }[] {
  return s.body.flatMap((stmt) =>
    stmt.kind === 'Assign' && stmt.targets.length === 1 && stmt.targets[0]!.kind === 'Name' && !stmt.targets[0]!.id.startsWith('_')
      ? [{ statement: stmt, target: stmt.targets[0] as ast.Name }]
      : [],
  );
}
