// Handlers (Lib/logging/__init__.py Handler, StreamHandler, NullHandler): where formatted records go.

import { stderr, type TextStream } from '../builtins/stdio.js';
import { isOptions } from '../collections/python-class.js';
import { checkLevel, NOTSET, WARNING } from './levels.js';
import { Formatter, type LogRecord } from './records.js';

/** A filter: an object with `filter(record)`, or a function of the record (3.2+). */
export type Filter = { filter(record: LogRecord): unknown } | ((record: LogRecord) => unknown);

/** Filters shared by loggers and handlers (Lib/logging/__init__.py Filterer). */
export class Filterer {
  readonly filters: Filter[] = [];

  addFilter(filter: Filter): void {
    if (!this.filters.includes(filter)) this.filters.push(filter);
  }

  removeFilter(filter: Filter): void {
    const at = this.filters.indexOf(filter);
    if (at >= 0) this.filters.splice(at, 1);
  }

  /** True when every filter accepts the record. */
  filter(record: LogRecord): boolean {
    return this.filters.every((f) => Boolean(typeof f === 'function' ? f(record) : f.filter(record)));
  }
}

// Lib/logging/__init__.py _defaultFormatter: handlers without a formatter print the bare message.
const defaultFormatter = new Formatter();

/** `logging.Handler(level=NOTSET)`: subclasses implement `emit(record)`. */
export class Handler extends Filterer {
  level: number;
  formatter: Formatter | null = null;

  constructor(level: number | string = NOTSET) {
    super();
    this.level = checkLevel(level);
  }

  setLevel(level: number | string): void {
    this.level = checkLevel(level);
  }

  setFormatter(formatter: Formatter | null): void {
    this.formatter = formatter;
  }

  /** `handler.format(record)`: with the handler's formatter, else the bare message. */
  format(record: LogRecord): string {
    return (this.formatter ?? defaultFormatter).format(record);
  }

  /** `handler.handle(record)`: emit when the filters accept it; returns whether they did. */
  handle(record: LogRecord): boolean {
    const accepted = this.filter(record);
    if (accepted) this.emit(record);
    return accepted;
  }

  emit(_record: LogRecord): void {}

  flush(): void {}

  close(): void {}
}

/** `logging.StreamHandler(stream=None)`: writes each formatted record and a newline (sys.stderr by default). */
export class StreamHandler extends Handler {
  terminator = '\n';
  stream: TextStream;

  /** `StreamHandler(stream=None)`, positionally or as `StreamHandler({ stream })`. */
  constructor(arg: TextStream | null | { stream?: TextStream | null } = null) {
    super();
    // sys.stdout and sys.stderr are plain objects too: an object with `write` is the stream itself.
    const keywords = isOptions(arg) && typeof (arg as Partial<TextStream>).write !== 'function';
    this.stream = (keywords ? (arg as { stream?: TextStream | null }).stream : (arg as TextStream | null)) ?? stderr;
  }

  override emit(record: LogRecord): void {
    this.stream.write(this.format(record) + this.terminator);
    this.flush();
  }

  override flush(): void {
    this.stream.flush?.();
  }

  /** `handler.setStream(stream)`: the previous stream, or None when it is unchanged. */
  setStream(stream: TextStream): TextStream | null {
    if (stream === this.stream) return null;
    const previous = this.stream;
    this.flush();
    this.stream = stream;
    return previous;
  }
}

/** `logging.NullHandler()`: discards records (for libraries). */
export class NullHandler extends Handler {
  override handle(_record: LogRecord): boolean {
    return true;
  }
}

// Lib/logging/__init__.py _StderrHandler: the last resort writes to the current sys.stderr at WARNING.
class StderrHandler extends StreamHandler {
  constructor() {
    super(stderr);
    this.level = WARNING;
  }
}

/** `logging.lastResort`: used when a record finds no handler in its logger hierarchy. */
export const lastResort: Handler = new StderrHandler();
