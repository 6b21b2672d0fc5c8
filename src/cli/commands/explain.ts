// `pyts explain PYTS4102`: the documentation page of one diagnostic code.
import { UsageError } from '../usage-error.js';

/** Prints the page of `code` (any case, with or without the `PYTS` prefix); an unknown code is a usage error. */
export async function explain(code: string): Promise<number> {
  const normalized = /^\d{4}$/.test(code) ? `PYTS${code}` : code.toUpperCase();
  const { explainCode } = await import('../../diagnostics/render/explain.js');
  const page = explainCode(normalized);
  if (page === undefined) throw new UsageError(`unknown diagnostic code '${code}'`);
  process.stdout.write(page.endsWith('\n') ? page : `${page}\n`);
  return 0;
}
