// `pyts explain PYTS4102`: the documentation page of one diagnostic code.
import { UsageError } from '../usage-error.js';

/**
 * Prints the page of `code`: `PYTS4002` (any case, or just `4002`) or its name (`removed-asyncio-api`). An unknown
 * code is a usage error.
 */
export async function explain(code: string): Promise<number> {
  const { explainCode } = await import('../../diagnostics/render/explain.js');
  const page = explainCode(/^\d{4}$/.test(code) ? `PYTS${code}` : code);
  if (page === undefined) throw new UsageError(`unknown diagnostic code '${code}'`);
  process.stdout.write(page.endsWith('\n') ? page : `${page}\n`);
  return 0;
}
