// LogRecord and Formatter (Lib/logging/__init__.py): what a logging call produces and how it becomes a line.

import { PyDict } from '../builtins/dict.js';
import { ValueError } from '../builtins/exceptions.js';
import { kw } from '../builtins/kw.js';
import { percentFormat } from '../builtins/percent-format.js';
import { str } from '../builtins/repr.js';
import { strFormat } from '../builtins/str-format.js';
import { formatException } from '../builtins/traceback.js';
import { tuple } from '../builtins/tuple.js';
import { localtime, strftime } from '../time/index.js';
import { bindKeywords } from '../collections/python-class.js';
import { getLevelName } from './levels.js';

const startTime = Date.now() / 1000;

/** `logging.LogRecord`: one logging event, with the attributes format strings refer to. */
export class LogRecord {
  readonly created = Date.now() / 1000;
  readonly msecs = Math.floor((this.created - Math.floor(this.created)) * 1000);
  readonly relativeCreated = (this.created - startTime) * 1000;
  readonly levelname: string;
  readonly pathname: string;
  readonly filename: string;
  readonly module: string;
  readonly lineno = 0;
  readonly funcName: string | null = null;
  readonly process = process.pid;
  readonly processName = 'MainProcess';
  readonly thread = 1;
  readonly threadName = 'MainThread';
  readonly args: unknown;
  message = '';
  asctime = '';
  excText: string | null = null;

  constructor(
    readonly name: string,
    readonly levelno: number,
    readonly msg: unknown,
    args: readonly unknown[],
    readonly excInfo: unknown = null,
  ) {
    this.levelname = String(getLevelName(levelno));
    this.pathname = process.argv[1] ?? '';
    this.filename = this.pathname.split(/[\\/]/).pop() ?? '';
    this.module = this.filename.replace(/\.[^.]*$/, '');
    // A single non-empty mapping argument supplies `%(key)s` fields (LogRecord.__init__).
    const single = args.length === 1 ? args[0] : undefined;
    this.args = single instanceof PyDict && single.size > 0 ? single : tuple(...args);
  }

  /** `record.getMessage()`: `str(msg) % args` when there are arguments. */
  getMessage(): string {
    const text = str(this.msg);
    const hasArgs = this.args instanceof PyDict || (this.args as readonly unknown[]).length > 0;
    return hasArgs ? percentFormat(text, this.args) : text;
  }

  /** The record's attributes as the mapping `%(name)s` fields read (its `__dict__`). */
  attributes(): PyDict<string, unknown> {
    return new PyDict<string, unknown>(
      Object.entries({
        name: this.name,
        msg: this.msg,
        args: this.args,
        levelname: this.levelname,
        levelno: this.levelno,
        pathname: this.pathname,
        filename: this.filename,
        module: this.module,
        exc_info: this.excInfo,
        exc_text: this.excText,
        stack_info: null,
        lineno: this.lineno,
        funcName: this.funcName,
        created: this.created,
        msecs: this.msecs,
        relativeCreated: this.relativeCreated,
        thread: this.thread,
        threadName: this.threadName,
        processName: this.processName,
        process: this.process,
        message: this.message,
        asctime: this.asctime,
      }).map(([key, value]) => tuple(key, value)),
    );
  }
}

type Style = '%' | '{' | '$';

const DEFAULT_FORMATS: Record<Style, string> = {
  '%': '%(message)s',
  '{': '{message}',
  $: '${message}',
};

/** `logging.Formatter(fmt=None, datefmt=None, style='%')`. */
export class Formatter {
  readonly fmt: string;

  readonly datefmt: string | null;
  readonly style: Style;

  /** `Formatter(fmt=None, datefmt=None, style='%')`, positionally or as `Formatter({ fmt, datefmt, style })`. */
  constructor(...args: (string | null | { fmt?: string | null; datefmt?: string | null; style?: Style })[]) {
    const [fmt, datefmt, style = '%'] = bindKeywords(args, ['fmt', 'datefmt', 'style']) as [
      (string | null)?,
      (string | null)?,
      Style?,
    ];
    if (!(style in DEFAULT_FORMATS)) throw new ValueError(`Style must be one of: %,{,$`);
    this.fmt = fmt ?? DEFAULT_FORMATS[style];
    this.datefmt = datefmt ?? null;
    this.style = style;
  }

  /** `formatter.format(record)`: the message, the time when the format uses it, then any exception text. */
  format(record: LogRecord): string {
    record.message = record.getMessage();
    if (this.usesTime()) record.asctime = this.formatTime(record, this.datefmt);
    let text = this.formatMessage(record);
    if (record.excInfo !== null && record.excInfo !== undefined && record.excInfo !== false) {
      record.excText ??= this.formatException(record.excInfo);
    }
    if (record.excText) {
      if (!text.endsWith('\n')) text += '\n';
      text += record.excText;
    }
    return text;
  }

  /** `formatter.formatTime(record, datefmt=None)`: `2024-01-31 12:00:00,123` by default. */
  formatTime(record: LogRecord, datefmt: string | null = null): string {
    const when = localtime(record.created);
    if (datefmt !== null) return strftime(datefmt, when);
    return `${strftime('%Y-%m-%d %H:%M:%S', when)},${String(record.msecs).padStart(3, '0')}`;
  }

  /** `formatter.formatException(exc_info)`: the traceback text, without a final newline. */
  formatException(excInfo: unknown): string {
    // `exc_info=True` outside an except block has no exception to show: Python prints 'NoneType: None'.
    if (excInfo === true) return 'NoneType: None';
    return formatException(excInfo).replace(/\n$/, '');
  }

  usesTime(): boolean {
    const marker = { '%': '%(asctime)', '{': '{asctime', $: '${asctime}' }[this.style];
    return this.fmt.includes(marker) || (this.style === '$' && this.fmt.includes('$asctime'));
  }

  formatMessage(record: LogRecord): string {
    const values = record.attributes();
    if (this.style === '%') return percentFormat(this.fmt, values);
    if (this.style === '{') return strFormat(this.fmt, kw(Object.fromEntries(values.items())));
    return this.fmt.replace(/\$(?:(\$)|\{(\w+)\}|(\w+))/g, (_, dollar: string, braced: string, bare: string) =>
      dollar !== undefined ? '$' : str(values.getItem(braced ?? bare)),
    );
  }
}
