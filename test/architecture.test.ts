// The layout's promises, checked: imports point back along the pipeline only, the runtime imports nothing from
// the transpiler, and every runtime name the translator can emit is really exported by the runtime.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { BUILTIN_MODULE, BUILTIN_NAMES } from '../src/translate/expressions/builtins.js';
import { LIST_HELPERS, STR_HELPERS, strHelperName } from '../src/translate/expressions/methods.js';
import { BITWISE_HELPERS } from '../src/translate/expressions/operators.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** The top-level folder under src/ a file belongs to ('api' for src/api.ts). */
function stageOf(path: string): string {
  const rel = relative(src, path).split('/');
  return rel.length === 1 ? rel[0]!.replace(/\.ts$/, '') : rel[0]!;
}

function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

/** Which stages each stage may import (itself always). */
const ALLOWED: Record<string, string[]> = {
  diagnostics: ['parse'],
  'asyncio-map': [],
  parse: ['diagnostics'],
  analyze: ['parse', 'diagnostics', 'asyncio-map'],
  translate: ['analyze', 'parse', 'diagnostics', 'asyncio-map'],
  emit: ['translate'],
  api: ['parse', 'analyze', 'translate', 'emit', 'diagnostics'],
  cli: ['api', 'diagnostics', 'parse'],
  runtime: [],
};

describe('the pipeline layout', () => {
  const files = sourceFiles(src);
  test.each(files.map((f) => [relative(root, f), f]))('%s imports only earlier stages', (_name, file) => {
    const stage = stageOf(file);
    const allowed = ALLOWED[stage];
    expect(allowed, `no rule for stage '${stage}'`).toBeDefined();
    for (const spec of importsOf(file)) {
      if (!spec.startsWith('.')) {
        // the runtime ships alone: it may use Node's own modules, nothing else
        if (stage === 'runtime') expect(spec, `${spec} in the runtime`).toMatch(/^node:/);
        continue;
      }
      const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
      const targetStage = stageOf(target);
      if (targetStage === stage) continue;
      expect(allowed, `${relative(root, file)} imports ${spec} (stage '${targetStage}')`).toContain(targetStage);
    }
  });
});

describe('runtime names the translator emits', () => {
  const exportsOf = (module: string): string[] => {
    const path = join(root, 'dist', 'runtime', module, 'index.js');
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(path)}); console.log(JSON.stringify(Object.keys(m)));`], {
      encoding: 'utf8',
    });
    return JSON.parse(out) as string[];
  };
  /** `ctx.rt('name')` and `ctx.rt('name', 'module')` written literally anywhere in translate/. */
  const emitted = new Map<string, Set<string>>();
  const add = (module: string, name: string) => {
    if (!emitted.has(module)) emitted.set(module, new Set());
    emitted.get(module)!.add(name);
  };
  for (const file of sourceFiles(join(src, 'translate'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/ctx\.rt\('([A-Za-z_$][\w$]*)'(?:,\s*'([a-z]*)')?\)/g)) add(m[2] ?? '', m[1]!);
  }
  for (const [python, exported] of Object.entries(BUILTIN_NAMES)) if (exported) add(BUILTIN_MODULE[python] ?? '', exported);
  // names the translator builds from tables rather than writing literally
  for (const method of STR_HELPERS) add('', strHelperName(method));
  for (const helper of [...Object.values(LIST_HELPERS), ...Object.values(BITWISE_HELPERS)]) add('', helper);

  test.each([...emitted].map(([module, names]) => [module || 'builtins', module, [...names].sort()] as const))(
    'every name imported from pyts/runtime %s exists',
    (_label, module, names) => {
      const exported = new Set(exportsOf(module));
      expect(names.filter((n) => !exported.has(n))).toEqual([]);
    },
  );
});

describe('tables the translator and the runtime each keep', () => {
  test("list methods' argument counts agree (the translator routes a misfit call to the runtime's TypeError)", async () => {
    const { LIST_ARITY } = await import('../src/translate/expressions/methods.js');
    const { ARITY } = await import('../src/runtime/builtins/method-dispatch.js');
    expect(LIST_ARITY).toEqual(ARITY);
  });
});
