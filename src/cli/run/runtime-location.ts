// Where `pyts run` finds this package's compiled runtime, and how emitted runtime imports map onto it.
/** The runtime specifier `pyts run` asks the translator to emit; {@link runtimeFileUrl} maps it to a file. */
export const runtimeSpecifier = 'pyts/runtime';

/** dist/runtime/ of this installation, as a file URL ending in '/'. */
const runtimeFolder = new URL('../../runtime/', import.meta.url);

/**
 * The file URL an emitted runtime import loads: `pyts/runtime` → `dist/runtime/index.js`, `pyts/runtime/asyncio` →
 * `dist/runtime/asyncio/index.js` (the same mapping as package.json's `exports`); undefined for other specifiers.
 */
export function runtimeFileUrl(specifier: string): string | undefined {
  if (specifier === runtimeSpecifier) return runtimeModuleUrl(null);
  if (!specifier.startsWith(`${runtimeSpecifier}/`)) return undefined;
  return runtimeModuleUrl(specifier.slice(runtimeSpecifier.length + 1));
}

/** The file URL of one runtime module (`sys` → `dist/runtime/sys/index.js`), or of the runtime's root for null. */
export function runtimeModuleUrl(module: string | null): string {
  return new URL(module === null ? 'index.js' : `${module}/index.js`, runtimeFolder).href;
}

/** A stable name for this installation, part of every cache key: the cached code embeds its file URLs. */
export const installationId = new URL('../../', import.meta.url).href;
