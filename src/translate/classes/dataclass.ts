// @dataclass: the translator writes what a reader wants to see, the fields and the constructor, and the class body
// ends with the decorator called on the class (`static { dataclass(this, fields, options); }`): the runtime
// (src/runtime/dataclasses) then records the fields for fields()/asdict()/replace(), checks them as CPython does,
// and installs __repr__, __eq__, the ordering methods and __hash__ as the options ask.
import type CodeBlockWriter from '../writer.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { expr, Untranslatable } from '../expressions/index.js';
import { attributeName } from '../expressions/names.js';
import { exprAs } from '../expressions/number-kinds.js';
import type { PyType } from '../../analyze/types.js';

export function isDataclassDecorator(d: ast.Expr, ctx: TranslateContext): boolean {
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

export function dataclassDecorator(s: ast.ClassDef, ctx: TranslateContext): ast.Expr | null {
  return s.decorators.find((d) => isDataclassDecorator(d, ctx)) ?? null;
}

interface DataclassField {
  python: string;
  ts: string;
  type: string;
  /** the field's type as analysis knows it, for fitting values to it (see number-kinds.ts) */
  pyType: PyType;
  /** the AnnAssign's value: a default, or a `field(...)` call */
  value: ast.Expr | null;
  /** the keywords of `field(...)`, by name */
  options: Map<string, ast.Expr>;
  init: boolean;
}

function isFieldCall(e: ast.Expr | null, ctx: TranslateContext): e is ast.Call {
  if (e?.kind !== 'Call') return false;
  const f = e.func;
  if (f.kind === 'Name') {
    const imp = ctx.analysis.types.importOf(f);
    return imp?.module === 'dataclasses' && imp.member === 'field';
  }
  return f.kind === 'Attribute' && f.attr.id === 'field' && f.value.kind === 'Name' && ctx.analysis.types.isModule(f.value, 'dataclasses');
}

function isClassVar(annotation: ast.Expr): boolean {
  const head = annotation.kind === 'Subscript' ? annotation.value : annotation;
  return (head.kind === 'Name' && head.id === 'ClassVar') || (head.kind === 'Attribute' && head.attr.id === 'ClassVar');
}

/** An annotated class attribute that is a field (not a ClassVar). */
export function isDataclassField(stmt: ast.Stmt): stmt is ast.AnnAssign {
  return stmt.kind === 'AnnAssign' && stmt.target.kind === 'Name' && !isClassVar(stmt.annotation);
}

/** The fields a dataclass declares itself, in order. */
function ownFields(s: ast.ClassDef, ctx: TranslateContext): DataclassField[] {
  return s.body.filter(isDataclassField).map((stmt) => {
    // what the field holds: its annotation, with the kinds of the numbers it is given (`price: float` given 3)
    const t = ctx.analysis.types.typeOfAnnotation(stmt.annotation) ? ctx.analysis.types.attributeType(s.name.id, (stmt.target as ast.Name).id) : { k: 'unknown' as const };
    const options = new Map<string, ast.Expr>();
    if (isFieldCall(stmt.value, ctx)) {
      if (stmt.value.args.length) throw new Untranslatable('positional arguments of field()', stmt.value);
      for (const k of stmt.value.keywords) {
        if (!k.arg) throw new Untranslatable('**keywords in field()', k);
        options.set(k.arg.id, k.value);
      }
    }
    const init = options.get('init');
    return {
      python: (stmt.target as ast.Name).id,
      ts: attributeName((stmt.target as ast.Name).id),
      type: ctx.ts(t),
      pyType: t,
      value: stmt.value,
      options,
      init: !(init?.kind === 'Constant' && init.value.type === 'bool' && !init.value.value),
    };
  });
}

/** The base class when it is a dataclass of this module. */
function dataclassBase(s: ast.ClassDef, ctx: TranslateContext): ast.ClassDef | null {
  const base = s.bases[0];
  const cls = base?.kind === 'Name' ? ctx.analysis.types.classes.get(base.id) : undefined;
  return cls && dataclassDecorator(cls, ctx) ? cls : null;
}

/** All fields, the bases' first (a redeclared field keeps its place), as `__init__` takes them. */
function allFields(s: ast.ClassDef, ctx: TranslateContext, depth = 0): DataclassField[] {
  const base = depth < 20 ? dataclassBase(s, ctx) : null;
  const fields = base ? allFields(base, ctx, depth + 1) : [];
  for (const f of ownFields(s, ctx)) {
    const at = fields.findIndex((g) => g.python === f.python);
    if (at >= 0) fields[at] = f;
    else fields.push(f);
  }
  return fields;
}

/** The Python names of a dataclass's `__init__` parameters, for calls with keywords; null when not a dataclass. */
export function dataclassInitFields(className: string, ctx: TranslateContext): string[] | null {
  const cls = ctx.analysis.types.classes.get(className);
  if (!cls || !dataclassDecorator(cls, ctx)) return null;
  if (cls.body.some((x) => x.kind === 'FunctionDef' && x.name.id === '__init__')) return null;
  return allFields(cls, ctx).filter((f) => f.init).map((f) => f.python);
}

/** The fields a dataclass's generated `__init__` requires (no default), in order; null when not such a class. */
export function dataclassRequiredFields(className: string, ctx: TranslateContext): string[] | null {
  const cls = ctx.analysis.types.classes.get(className);
  if (!cls || dataclassInitFields(className, ctx) === null) return null;
  return allFields(cls, ctx)
    .filter((f) => f.init && initialValue(f, ctx) === null)
    .map((f) => f.python);
}

/** The default as a parameter initialiser: `default_factory` is called per construction, as in Python. */
function initialValue(f: DataclassField, ctx: TranslateContext): string | null {
  const factory = f.options.get('default_factory');
  if (factory) return `${expr(factory, ctx)}()`;
  const dflt = f.options.get('default');
  if (dflt) return exprAs(dflt, f.pyType, ctx);
  if (f.value && f.options.size === 0 && !isFieldCall(f.value, ctx)) return exprAs(f.value, f.pyType, ctx);
  return null;
}

function decoratorFlag(d: ast.Expr, name: string): boolean {
  if (d.kind !== 'Call') return false;
  const k = d.keywords.find((x) => x.arg?.id === name);
  return k?.value.kind === 'Constant' && k.value.value.type === 'bool' && k.value.value.value === true;
}

/** The field declarations and, unless the class writes its own `__init__`, the constructor. */
export function writeDataclassMembers(s: ast.ClassDef, name: string, ctx: TranslateContext, w: CodeBlockWriter): void {
  const own = ownFields(s, ctx);
  for (const f of own) w.writeLine(`${f.ts}: ${f.type};`);
  if (s.body.some((x) => x.kind === 'FunctionDef' && x.name.id === '__init__')) return;
  const fields = allFields(s, ctx);
  const base = dataclassBase(s, ctx);
  const inherited = base ? allFields(base, ctx).filter((f) => f.init) : [];
  const params = fields
    .filter((f) => f.init)
    .map((f) => {
      const initial = initialValue(f, ctx);
      return `${f.ts}: ${f.type}${initial !== null ? ` = ${initial}` : ''}`;
    });
  const decorator = dataclassDecorator(s, ctx)!;
  const subclassed = [...ctx.analysis.types.classes.values()].some((c) => c.bases.some((b) => b.kind === 'Name' && b.id === s.name.id));
  w.write(`constructor(${params.join(', ')}) `).block(() => {
    if (base) w.writeLine(`super(${inherited.map((f) => f.ts).join(', ')});`);
    else if (s.bases.length) w.writeLine('super();');
    for (const f of fields) {
      if (inherited.some((g) => g.python === f.python) && own.every((g) => g.python !== f.python)) continue;
      if (f.init) w.writeLine(`this.${f.ts} = ${f.ts};`);
      else {
        const initial = initialValue(f, ctx);
        if (initial !== null) w.writeLine(`this.${f.ts} = ${initial};`);
      }
    }
    if (s.body.some((x) => x.kind === 'FunctionDef' && x.name.id === '__post_init__')) w.writeLine('this.__post_init__();');
    if (decoratorFlag(decorator, 'frozen')) {
      const freeze = `${ctx.rt('freeze', 'dataclasses')}(this);`;
      // a subclass's constructor goes on assigning after this one: the most derived class freezes
      w.writeLine(subclassed ? `if (new.target === ${name}) ${freeze}` : freeze);
    }
  });
}

/** The decorator applied at the end of the class body: `dataclass(this, { …fields }, { …options })`. */
export function writeDataclassRegistration(s: ast.ClassDef, ctx: TranslateContext, w: CodeBlockWriter): void {
  const decorator = dataclassDecorator(s, ctx)!;
  const entries = ownFields(s, ctx).map((f) => {
    const options = [...f.options].map(([k, v]) => `${attributeName(k)}: ${k === 'default' ? exprAs(v, f.pyType, ctx) : expr(v, ctx)}`);
    if (f.value && !isFieldCall(f.value, ctx)) return `${f.ts}: ${exprAs(f.value, f.pyType, ctx)}`;
    if (options.length === 0) return `${f.ts}: ${ctx.rt('MISSING', 'dataclasses')}`;
    return `${f.ts}: ${ctx.rt('field', 'dataclasses')}({ ${options.join(', ')} })`;
  });
  const flags = decorator.kind === 'Call' ? decorator.keywords.map((k) => `${attributeName(k.arg?.id ?? '')}: ${expr(k.value, ctx)}`) : [];
  const callee = expr(decorator.kind === 'Call' ? decorator.func : decorator, ctx);
  const args = ['this', `{ ${entries.join(', ')} }`, ...(flags.length ? [`{ ${flags.join(', ')} }`] : [])];
  w.writeLine(`static { ${callee}(${args.join(', ')}); }`);
}
