// Classes: `__init__` becomes the constructor, methods keep their (camelCase) names, dunders keep theirs (the
// runtime's str/repr/eq look them up), class-level assignments become static fields, and every `self.x = …`
// becomes a declared field so strict TypeScript accepts it.
import CodeBlockWriter from '../writer.js';
import { containsYield } from '../../analyze/infer.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { expr, Untranslatable } from '../expressions/index.js';
import { attributeName } from '../expressions/names.js';
import { returnAnnotation } from '../functions/def.js';
import { writeFunctionBody } from '../functions/body.js';
import { parameters } from '../functions/parameters.js';
import { docComment } from '../statements/expression-statement.js';
import { isProtocolClass, isTypingBase, typingMember, writeProtocol } from '../typing/index.js';
import {
  dataclassDecorator,
  isDataclassDecorator,
  isDataclassField,
  writeDataclassMembers,
  writeDataclassRegistration,
} from './dataclass.js';
import { pythonMemberEntries, readsNamespaces } from './namespace.js';
import { checkCooperative, cooperativeBase, isCooperative, runtimeBases } from './cooperative.js';
import { signatureText, withoutSelf } from '../functions/signature.js';

export function translateClass(s: ast.ClassDef, ctx: TranslateContext, w: CodeBlockWriter): void {
  const binding = ctx.analysis.types.bindingOf(s.name);
  const name = binding ? ctx.tsName(binding) : s.name.id;
  if (isProtocolClass(s, ctx)) {
    writeProtocol(s, name, ctx, w);
    return;
  }
  const typedDict = ctx.analysis.types.typedDictType(s.name.id);
  if (typedDict) {
    // a TypedDict is a plain dict at run time: only its type remains
    if (s.docstring) w.writeLine(docComment(s.docstring));
    w.writeLine(`type ${name} = ${ctx.ts(typedDict)};`);
    return;
  }
  // `Generic[T]` says nothing at run time
  const bases = s.bases.filter((b) => !isTypingBase(b, ctx));
  const starred = bases.find((b) => b.kind === 'Starred');
  if (starred) throw new Untranslatable('starred base classes', starred);
  if (s.keywords.length) throw new Untranslatable('class keywords (metaclass=…)', s.keywords[0]!);
  // `class P(NamedTuple)` with annotated fields: a subclass of the namedtuple those fields make
  const namedTuple = bases[0] !== undefined && typingMember(bases[0], ctx) === 'NamedTuple';
  const dataclass = dataclassDecorator(s, ctx) !== null;
  const isEnum = bases[0] !== undefined && isEnumBase(bases[0], ctx);
  const defines = (method: string) => s.body.some((m) => m.kind === 'FunctionDef' && m.name.id === method);
  const cooperative = isCooperative(s, ctx);
  if (cooperative) checkCooperative(s, { dataclass, enum: isEnum, namedTuple }, ctx);
  // `class A(object)` extends nothing in TypeScript (and imports no `object`)
  const written = runtimeBases(s, ctx)[0];
  const base = cooperativeBase(s, ctx) ?? (namedTuple ? namedTupleBase(s, ctx) : written ? expr(written, ctx) : null);
  const decorators = s.decorators.filter((d) => !isDataclassDecorator(d, ctx)).map((d) => expr(d, ctx));
  if (s.docstring) w.writeLine(docComment(s.docstring));
  const head = `class ${name}${base && base !== 'object' ? ` extends ${base}` : ''} `;
  const shared = dataclass || isEnum || namedTuple ? [] : classAttributeNames(s);
  // static and class methods are also called through instances (`self.helper(x)`)
  const staticMethods = isEnum ? [] : staticMethodNames(s);
  const body = () => {
    const fields = instanceFields(s, ctx);
    for (const field of fields) {
      // an instance's own value of a class attribute appears when assigned, not as an initial `undefined`
      // (in a cooperative class, `__init__` runs inside the root's constructor: a field definition would reset it)
      const declared = cooperative || shared.includes(field.name);
      const mark = !declared && field.later && field.type !== 'any' ? '!' : '';
      w.writeLine(`${declared ? 'declare ' : ''}${field.name}${mark}: ${field.type};`);
    }
    for (const attr of shared) {
      if (fields.some((f) => f.name === attr)) continue;
      const t = classAttributeType(s, attr, ctx);
      w.writeLine(`declare ${attr}: ${t};`);
    }
    for (const method of staticMethods) w.writeLine(`declare ${method}: typeof ${name}.${method};`);
    if (dataclass) writeDataclassMembers(s, name, ctx, w);
    for (const f of namedTuple ? namedTupleFields(s) : []) {
      const t = ctx.analysis.types.typeOfAnnotation(f.annotation);
      w.writeLine(`declare readonly ${attributeName((f.target as ast.Name).id)}: ${t ? ctx.ts(t) : 'any'};`);
    }
    const members = isEnum ? enumMembers(s) : [];
    for (const m of members) w.writeLine(`declare static readonly ${attributeName(m.target.id)}: ${name};`);
    for (const stmt of s.body) {
      ctx.writeCommentsBefore(stmt.range.start.line, w);
      if ((dataclass && isDataclassField(stmt)) || (namedTuple && stmt.kind === 'AnnAssign')) continue;
      if (members.some((m) => m.statement === stmt)) continue;
      try {
        // each member is written whole or not at all (a failure inside a method leaves no half method)
        const scratch = new CodeBlockWriter({ indentNumberOfSpaces: 2 });
        // `class C(object)` extends nothing in TypeScript: its constructor must not call super()
        writeMember(stmt, s, base !== null && base !== 'object' && !cooperative, ctx, scratch);
        const marker = scratch.isEmpty() ? '' : ctx.marker(stmt);
        if (marker) w.write(marker);
        w.writeFrom(scratch).newLineIfLastNot();
      } catch (error) {
        if (!(error instanceof Untranslatable)) throw error;
        // a class body holds members, not statements: the refusal goes in a static block
        ctx.report('PYTS3001', error.node, [error.construct]);
        const message = `pyts could not translate ${error.construct} (line ${error.node.range.start.line})`;
        w.writeLine(`static { throw new ${ctx.rt('NotImplementedError')}(${JSON.stringify(message)}); }`);
      }
    }
    if (dataclass) writeDataclassRegistration(s, ctx, w);
    const init = ctx.signedClasses.get(s);
    if (init) w.writeLine(`static readonly __signature__: string = ${signatureText(withoutSelf(init.args), ctx)};`);
    // Python sets `__hash__` to None in a class that defines `__eq__` alone: its instances are unhashable
    if (!dataclass && defines('__eq__') && !defines('__hash__') && !shared.includes('__hash__')) {
      w.writeLine('static readonly __hash__ = null;');
    }
    const renamed = readsNamespaces(ctx) ? pythonMemberEntries(s, instanceFields(s, ctx).map((f) => f.python)) : [];
    if (renamed.length) w.writeLine(`static { ${ctx.rt('pythonMembers')}(this, ${renamed.join(', ')}); }`);
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
    if (cooperative && defines('__init__') && runtimeBases(s, ctx).length > 0) {
      // an `__init__` may take other parameters than the one it overrides, as in Python (declaration merging;
      // exported with the class when the module exports its names)
      const exported = ctx.exportTopLevel && ctx.moduleBody?.includes(s) ? 'export ' : '';
      w.writeLine(`${exported}interface ${name} { __init__(...args: any[]): void }`);
    }
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
  const builtinDecorators = ['staticmethod', 'classmethod', 'property', 'setter'];
  if (decorators.length > 0 && !decorators.some((d) => builtinDecorators.includes(d)) && f.name.id !== '__init__') {
    return writeDecoratedMethod(f, ctx, w);
  }
  if (decorators.some((d) => !builtinDecorators.includes(d))) {
    throw new Untranslatable(
      'a decorator combined with @staticmethod, @classmethod, @property or @x.setter',
      f.decorators[0]!,
    );
  }
  const info = ctx.analysis.types.functions.get(f) ?? null;
  const selfArg = isStatic ? null : ([...f.args.posonlyargs, ...f.args.args][0] ?? null);
  const { list: params, prologue } = parameters(f.args, info, ctx, !isStatic);
  if (f.docstring) w.writeLine(docComment(f.docstring));
  // a cooperative class's `__init__` stays a method, run through the MRO (classes/cooperative.ts)
  const cooperativeInit = f.name.id === '__init__' && isCooperative(cls, ctx);
  const isInit = f.name.id === '__init__' && !cooperativeInit;
  // a method that yields is a generator method (`def __iter__(self): yield …`, `def __await__(self): yield`)
  const isGenerator = containsYield(f.body);
  if (isGenerator && (isProperty || isSetter || isInit)) throw new Untranslatable('a generator as a property or constructor', f);
  const head = isInit
    ? `constructor(${params})`
    : `${isStatic || isClassMethod ? 'static ' : ''}${isProperty ? 'get ' : isSetter ? 'set ' : ''}${f.isAsync ? 'async ' : ''}${isGenerator ? '*' : ''}${attributeName(f.name.id)}(${params})${isSetter || isGenerator ? '' : cooperativeInit ? ': void' : returnAnnotation(f, ctx)}`;
  w.write(`${head} `).block(() => {
    if (isInit && hasBase && !callsSuperInit(f)) w.writeLine('super(...arguments);');
    writeFunctionBody(f, info, ctx, w, selfArg ? selfArg.arg : null, prologue);
  });
}

/**
 * `@asynccontextmanager async def connection(self, …)`, any decorator on a method: as in Python the class attribute
 * is what the decorators return for the function, which takes the instance as its first argument; `pythonMethod`
 * passes it when the method is called on an instance. Set on the prototype when the class is defined.
 */
function writeDecoratedMethod(f: ast.FunctionDef, ctx: TranslateContext, w: CodeBlockWriter): void {
  const info = ctx.analysis.types.functions.get(f) ?? null;
  const { list: params, prologue } = parameters(f.args, info, ctx, false);
  const name = attributeName(f.name.id);
  const isGenerator = containsYield(f.body);
  const wrappers = f.decorators.map((d) => `${expr(d, ctx)}(`);
  const tails = f.decorators.map(() => ')');
  wrappers.push(`${ctx.rt('pythonFunction')}(`);
  tails.push(`, ${JSON.stringify(f.name.id)})`);
  if (isGenerator) {
    wrappers.push(`${f.isAsync ? ctx.rt('asyncGenerator', 'asyncio') : ctx.rt('generator')}(`);
    tails.push(')');
  }
  const head = `${f.isAsync ? 'async ' : ''}function${isGenerator ? '*' : ''} (${params})${isGenerator ? '' : f.isAsync ? ': Promise<any>' : ': any'} `;
  if (f.docstring) w.writeLine(docComment(f.docstring));
  w.writeLine(`declare ${name}: (...args: any[]) => any;`);
  w.write('static ').inlineBlock(() => {
    w.write(`this.prototype.${name} = ${ctx.rt('pythonMethod')}(${wrappers.join('')}${head}`);
    w.inlineBlock(() => writeFunctionBody(f, info, ctx, w, null, prologue));
    w.write(`${tails.reverse().join('')});`).newLine();
  });
  w.newLine();
}

function namedTupleFields(s: ast.ClassDef): ast.AnnAssign[] {
  return s.body.filter((x): x is ast.AnnAssign => x.kind === 'AnnAssign' && x.target.kind === 'Name');
}

/** `namedtuple("P", ["x", "y"], { defaults: [0] })`: the fields in order, the trailing defaults. */
function namedTupleBase(s: ast.ClassDef, ctx: TranslateContext): string {
  const fields = namedTupleFields(s);
  const names = fields.map((f) => JSON.stringify((f.target as ast.Name).id));
  const firstDefault = fields.findIndex((f) => f.value !== null);
  const defaults = firstDefault < 0 ? [] : fields.slice(firstDefault);
  const missing = defaults.find((f) => f.value === null);
  // Python: TypeError "Non-default namedtuple field y cannot follow default field x"; pyts reports it instead
  if (missing) throw new Untranslatable('a field without default after one with a default in a NamedTuple', missing);
  const options = defaults.length ? `, { defaults: [${defaults.map((f) => expr(f.value!, ctx)).join(', ')}] }` : '';
  return `${ctx.rt('namedtuple', 'collections')}(${JSON.stringify(s.name.id)}, [${names.join(', ')}]${options})`;
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
function instanceFields(cls: ast.ClassDef, ctx: TranslateContext): { python: string; name: string; type: string; later: boolean }[] {
  const fields = new Map<string, string>();
  // assigned at the top level of __init__: TypeScript sees the constructor assign it (else the field is marked `!`)
  const inConstructor = new Set<string>();
  const init = cls.body.find((m): m is ast.FunctionDef => m.kind === 'FunctionDef' && m.name.id === '__init__');
  const initSelf = init ? [...init.args.posonlyargs, ...init.args.args][0]?.arg : undefined;
  for (const s of init?.body ?? []) {
    for (const t of s.kind === 'Assign' ? s.targets : s.kind === 'AnnAssign' ? [s.target] : []) {
      const names = t.kind === 'Tuple' ? t.elts : [t];
      for (const n of names) if (n.kind === 'Attribute' && n.value.kind === 'Name' && n.value.id === initSelf) inConstructor.add(n.attr.id);
    }
  }
  for (const name of propertyNames(cls, ctx)) fields.set(name, 'property');
  // (written with loops rather than flatMap and a closure per method: this visits every statement of every method)
  const assigned = (s: ast.Assign | ast.AnnAssign, target: ast.Expr, value: ast.Expr | null, self: string) => {
    if (target.kind === 'Attribute' && target.value.kind === 'Name' && target.value.id === self && !fields.has(target.attr.id)) {
      const type =
        s.kind === 'AnnAssign'
          ? ctx.analysis.types.typeOfAnnotation(s.annotation)
          : value
            ? ctx.analysis.types.typeOf(value)
            : null;
      fields.set(target.attr.id, type ? ctx.ts(type) : 'any');
    }
  };
  const visit = (block: readonly ast.Stmt[], self: string) => {
    for (const s of block) {
      if (s.kind === 'Assign' || s.kind === 'AnnAssign') {
        for (const t of s.kind === 'Assign' ? s.targets : [s.target]) {
          if (t.kind === 'Tuple' || t.kind === 'List') {
            // `self.w, self.h = w, h`: each element, typed by the matching element of a tuple display
            const values = s.value?.kind === 'Tuple' && s.value.elts.length === t.elts.length ? s.value.elts : null;
            t.elts.forEach((e, i) => assigned(s, e, values ? values[i]! : null, self));
          } else assigned(s, t, s.value, self);
        }
      }
      if (s.kind === 'If' || s.kind === 'For' || s.kind === 'While') {
        visit(s.body, self);
        visit(s.orelse, self);
      } else if (s.kind === 'Try') {
        visit(s.body, self);
        for (const h of s.handlers) visit(h.body, self);
        visit(s.finalbody, self);
      } else if (s.kind === 'With') visit(s.body, self);
    }
  };
  for (const stmt of cls.body) {
    if (stmt.kind !== 'FunctionDef') continue;
    const self = (stmt.args.posonlyargs[0] ?? stmt.args.args[0])?.arg;
    if (self) visit(stmt.body, self);
  }
  return [...fields]
    .filter(([, type]) => type !== 'property')
    .map(([name, type]) => ({
      python: name,
      name: attributeName(name),
      type: type === 'null' ? 'any' : type,
      later: !inConstructor.has(name),
    }));
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
