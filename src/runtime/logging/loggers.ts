// Loggers and their hierarchy (Lib/logging/__init__.py Logger, RootLogger, Manager, basicConfig and the
// module-level functions): dotted names form a tree, levels are inherited, records propagate to the parents'
// handlers, and with no handler anywhere `lastResort` writes the bare message to stderr.

import { TypeError, ValueError } from '../builtins/exceptions.js';
import type { TextStream } from '../builtins/stdio.js';
import { isOptions, pythonName } from '../collections/python-class.js';
import { type Filter, Filterer, type Handler, lastResort, StreamHandler } from './handlers.js';
import { checkLevel, CRITICAL, DEBUG, ERROR, INFO, NOTSET, WARNING } from './levels.js';
import { Formatter, LogRecord } from './records.js';

/** The keyword arguments of the logging methods (`exc_info`, `stack_info`, `stacklevel`, `extra`). */
export interface LogOptions {
  excInfo?: unknown;
  stackInfo?: boolean;
  stacklevel?: number;
  extra?: unknown;
}

// A logging call's arguments: the message's %-arguments, then an optional trailing keyword-arguments object.
function splitLogArgs(args: unknown[]): [unknown[], LogOptions] {
  const last = args[args.length - 1];
  return isOptions(last) ? [args.slice(0, -1), last as LogOptions] : [args, {}];
}

/** `logging.Logger`: get one with `logging.getLogger(name)`. */
export class Logger extends Filterer {
  level: number;
  parent: Logger | null = null;
  propagate = true;
  disabled = false;
  readonly handlers: Handler[] = [];

  constructor(
    readonly name: string,
    level: number | string = NOTSET,
  ) {
    super();
    this.level = checkLevel(level);
  }

  setLevel(level: number | string): void {
    this.level = checkLevel(level);
  }

  /** The first level set on this logger or an ancestor (NOTSET if none). */
  getEffectiveLevel(): number {
    for (let logger: Logger | null = this; logger !== null; logger = logger.parent) {
      if (logger.level !== NOTSET) return logger.level;
    }
    return NOTSET;
  }

  isEnabledFor(level: number): boolean {
    if (this.disabled || level <= disabledLevel) return false;
    return level >= this.getEffectiveLevel();
  }

  debug(msg: unknown, ...args: unknown[]): void {
    this.logAt(DEBUG, msg, args);
  }

  info(msg: unknown, ...args: unknown[]): void {
    this.logAt(INFO, msg, args);
  }

  warning(msg: unknown, ...args: unknown[]): void {
    this.logAt(WARNING, msg, args);
  }

  /** Deprecated alias of `warning`. */
  warn(msg: unknown, ...args: unknown[]): void {
    this.logAt(WARNING, msg, args);
  }

  error(msg: unknown, ...args: unknown[]): void {
    this.logAt(ERROR, msg, args);
  }

  /** `logger.exception(msg, *args)`: ERROR with the exception's traceback (pass it as `{ excInfo: e }`). */
  exception(msg: unknown, ...args: unknown[]): void {
    const [values, options] = splitLogArgs(args);
    this.logAt(ERROR, msg, [...values, { ...options, excInfo: options.excInfo ?? true }]);
  }

  critical(msg: unknown, ...args: unknown[]): void {
    this.logAt(CRITICAL, msg, args);
  }

  /** Alias of `critical`. */
  fatal(msg: unknown, ...args: unknown[]): void {
    this.logAt(CRITICAL, msg, args);
  }

  /** `logger.log(level, msg, *args)`. */
  log(level: number, msg: unknown, ...args: unknown[]): void {
    if (typeof level !== 'number') throw new TypeError('level must be an integer');
    this.logAt(level, msg, args);
  }

  addHandler(handler: Handler): void {
    if (!this.handlers.includes(handler)) this.handlers.push(handler);
  }

  removeHandler(handler: Handler): void {
    const at = this.handlers.indexOf(handler);
    if (at >= 0) this.handlers.splice(at, 1);
  }

  /** True when this logger or an ancestor it propagates to has a handler. */
  hasHandlers(): boolean {
    for (let logger: Logger | null = this; logger !== null; logger = logger.propagate ? logger.parent : null) {
      if (logger.handlers.length > 0) return true;
    }
    return false;
  }

  /** `logger.getChild(suffix)`: the logger named `<name>.<suffix>`. */
  getChild(suffix: string): Logger {
    return getLogger(this === root ? suffix : `${this.name}.${suffix}`);
  }

  /** `logger.handle(record)`: pass the record to the handlers when the logger's filters accept it. */
  handle(record: LogRecord): void {
    if (!this.disabled && this.filter(record)) this.callHandlers(record);
  }

  // Lib/logging/__init__.py Logger.callHandlers.
  callHandlers(record: LogRecord): void {
    let found = 0;
    for (let logger: Logger | null = this; logger !== null; logger = logger.propagate ? logger.parent : null) {
      for (const handler of logger.handlers) {
        found++;
        if (record.levelno >= handler.level) handler.handle(record);
      }
    }
    if (found === 0 && record.levelno >= lastResort.level) lastResort.handle(record);
  }

  __repr__(): string {
    return `<${pythonName(this.constructor)} ${this.name} (${levelText(this.getEffectiveLevel())})>`;
  }

  private logAt(level: number, msg: unknown, args: unknown[]): void {
    if (!this.isEnabledFor(level)) return;
    const [values, options] = splitLogArgs(args);
    this.handle(new LogRecord(this.name, level, msg, values, options.excInfo ?? null));
  }
}

function levelText(level: number): string {
  return (
    { 50: 'CRITICAL', 40: 'ERROR', 30: 'WARNING', 20: 'INFO', 10: 'DEBUG', 0: 'NOTSET' }[level] ?? `Level ${level}`
  );
}

/** The root logger: named 'root', level WARNING. */
export class RootLogger extends Logger {
  constructor(level: number) {
    super('root', level);
  }
}

/** `logging.root`. */
export const root = new RootLogger(WARNING);

const loggers = new Map<string, Logger>();
let disabledLevel = NOTSET - 1;

/**
 * `logging.getLogger(name=None)`: the root logger for no name (or 'root'), else the one logger of that name,
 * created on first use below its nearest existing ancestor (Manager.getLogger with _fixupParents/_fixupChildren).
 */
export function getLogger(name: string | null = null): Logger {
  if (name === null || name === undefined || name === '' || name === root.name) return root;
  const existing = loggers.get(name);
  if (existing !== undefined) return existing;
  const logger = new Logger(name);
  logger.parent = nearestAncestor(name);
  for (const other of loggers.values()) {
    if (other.name.startsWith(name + '.') && (other.parent === root || other.parent!.name.length < name.length)) {
      other.parent = logger;
    }
  }
  loggers.set(name, logger);
  return logger;
}

function nearestAncestor(name: string): Logger {
  for (let dot = name.lastIndexOf('.'); dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
    const ancestor = loggers.get(name.slice(0, dot));
    if (ancestor !== undefined) return ancestor;
  }
  return root;
}

/** `logging.disable(level=CRITICAL)`: ignore every call at or below the level. */
export function disable(level: number = CRITICAL): void {
  disabledLevel = level;
}

/** The keyword arguments of `logging.basicConfig`. */
export interface BasicConfigOptions {
  filename?: string | null;
  filemode?: string;
  format?: string | null;
  datefmt?: string | null;
  style?: '%' | '{' | '$';
  level?: number | string | null;
  stream?: TextStream | null;
  handlers?: Iterable<Handler> | null;
  force?: boolean;
  encoding?: string | null;
  errors?: string | null;
}

/**
 * `logging.basicConfig(**options)`: give the root logger a stream handler (stderr unless `stream=` or `handlers=`)
 * with the format; does nothing when the root logger already has handlers, unless `force=True`.
 */
export function basicConfig(options: BasicConfigOptions = {}): void {
  if (options.force) for (const handler of [...root.handlers]) root.removeHandler(handler);
  if (root.handlers.length > 0) return;
  const handlers = options.handlers === null || options.handlers === undefined ? null : [...options.handlers];
  if (handlers !== null && (options.stream != null || options.filename != null)) {
    throw new ValueError("'stream' or 'filename' should not be specified together with 'handlers'");
  }
  if (options.stream != null && options.filename != null) {
    throw new ValueError("'stream' and 'filename' should not be specified together");
  }
  const style = options.style ?? '%';
  const formatter = new Formatter(options.format ?? defaultFormat(style), options.datefmt ?? null, style);
  for (const handler of handlers ?? [new StreamHandler(options.stream ?? null)]) {
    if (handler.formatter === null) handler.setFormatter(formatter);
    root.addHandler(handler);
  }
  if (options.level !== null && options.level !== undefined) root.setLevel(options.level);
}

// Lib/logging/__init__.py BASIC_FORMAT in each style.
function defaultFormat(style: '%' | '{' | '$'): string {
  return {
    '%': '%(levelname)s:%(name)s:%(message)s',
    '{': '{levelname}:{name}:{message}',
    $: '${levelname}:${name}:${message}',
  }[style];
}

// The module-level functions configure the root logger on first use, as CPython's do.
function rootLogging(call: (logger: Logger) => void): void {
  if (root.handlers.length === 0) basicConfig();
  call(root);
}

/** `logging.debug(msg, *args)` … `logging.critical`: log on the root logger, configuring it if needed. */
export function debug(msg: unknown, ...args: unknown[]): void {
  rootLogging((logger) => logger.debug(msg, ...args));
}
export function info(msg: unknown, ...args: unknown[]): void {
  rootLogging((logger) => logger.info(msg, ...args));
}
export function warning(msg: unknown, ...args: unknown[]): void {
  rootLogging((logger) => logger.warning(msg, ...args));
}
export function warn(msg: unknown, ...args: unknown[]): void {
  rootLogging((logger) => logger.warning(msg, ...args));
}
export function error(msg: unknown, ...args: unknown[]): void {
  rootLogging((logger) => logger.error(msg, ...args));
}
export function exception(msg: unknown, ...args: unknown[]): void {
  rootLogging((logger) => logger.exception(msg, ...args));
}
export function critical(msg: unknown, ...args: unknown[]): void {
  rootLogging((logger) => logger.critical(msg, ...args));
}
export function fatal(msg: unknown, ...args: unknown[]): void {
  rootLogging((logger) => logger.critical(msg, ...args));
}
export function log(level: number, msg: unknown, ...args: unknown[]): void {
  rootLogging((logger) => logger.log(level, msg, ...args));
}

export type { Filter };
