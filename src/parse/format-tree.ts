// `pyts debug tree`: the typed tree as indented text, one node per line with its range (1-based line:column,
// columns printed 1-based like every pyts position), scalar fields inline.
import type { Module, Node, Range } from './ast.js';

/** Formats a module (or any node) as `Kind field=value… @line:col-line:col`, children indented by two spaces. */
export function formatTree(root: Module | Node): string {
  const lines: string[] = [];
  // An explicit stack: trees from deeply nested source would overflow a recursive printer.
  const stack: { value: Node; depth: number; label: string }[] = [{ value: root, depth: 0, label: '' }];
  while (stack.length > 0) {
    const { value, depth, label } = stack.pop()!;
    const scalars: string[] = [];
    const children: { value: Node; label: string }[] = [];
    for (const [key, field] of Object.entries(value)) {
      if (key === 'kind' || key === 'range') continue;
      if (isNode(field)) children.push({ value: field, label: key });
      else if (Array.isArray(field) && field.some(isNode)) {
        field.forEach((item, index) => {
          if (isNode(item)) children.push({ value: item, label: `${key}[${index}]` });
        });
      } else if (Array.isArray(field) && field.length === 0) continue;
      else scalars.push(`${key}=${formatScalar(field)}`);
    }
    const prefix = label === '' ? '' : `${label}: `;
    lines.push(`${'  '.repeat(depth)}${prefix}${value.kind}${scalars.length > 0 ? ' ' + scalars.join(' ') : ''} @${formatRange(value.range)}`);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ ...children[i]!, depth: depth + 1 });
  }
  return lines.join('\n') + '\n';
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'kind' in value && 'range' in value;
}

function formatScalar(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return `b${JSON.stringify(Array.from(value, (byte) => String.fromCharCode(byte)).join(''))}`;
  if (typeof value === 'object' && value !== null && 'type' in value) {
    // A ConstantValue: show its Python type and value.
    const constant = value as { type: string; value?: unknown; imag?: number };
    if (constant.type === 'complex') return `complex(${constant.imag}j)`;
    if (!('value' in constant)) return constant.type;
    return `${constant.type}(${formatScalar(constant.value)})`;
  }
  if (Array.isArray(value)) return `[${value.map(formatScalar).join(', ')}]`;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function formatRange(range: Range): string {
  return `${range.start.line}:${range.start.col + 1}-${range.end.line}:${range.end.col + 1}`;
}
