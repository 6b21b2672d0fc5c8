// The page `pyts explain PYTSnnnn` prints: what the code flags, why, an example and what to do instead
// (ruff's `ruff rule` sections).
import { lookupCode } from '../codes.js';

/** The page for a code (`PYTS4002`) or a name (`removed-asyncio-api`); undefined when unknown. */
export function explainCode(codeOrName: string): string | undefined {
  const info = lookupCode(codeOrName);
  if (info === undefined) return undefined;
  const indent = (text: string): string =>
    text
      .split('\n')
      .map((line) => `    ${line}`)
      .join('\n');
  return [
    `${info.code} ${info.name} (${info.severity})`,
    '',
    `Message: ${info.message}`,
    '',
    '## What it flags',
    info.doc.what,
    '',
    '## Why',
    info.doc.why,
    '',
    '## Example',
    indent(info.doc.example),
    '',
    '## Instead',
    indent(info.doc.instead),
    '',
  ].join('\n');
}
