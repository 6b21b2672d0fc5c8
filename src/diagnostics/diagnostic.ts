// A diagnostic is data: every stage returns them, renderers decide how they look.
import type { Range } from '../parse/ast.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** `PYTS` + 4 digits, from the table in codes.ts */
  code: string;
  severity: Severity;
  /** one sentence, ending with a period, names in single quotes (tsc's style) */
  message: string;
  /** the file as the user named it, or '<stdin>' */
  file: string;
  /** null when the problem is the whole file (unreadable, binary…) */
  range: Range | null;
  /** what to do, or what pyts did instead ("Translated as 'asyncio.allTasks()'.") */
  hint?: string;
}
