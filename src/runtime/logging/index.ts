// pyts/runtime/logging: Python's logging module — levels, loggers in a dotted hierarchy, basicConfig, stream
// handlers, %-, {- and $-style formatters, and the last-resort handler that writes bare messages to stderr.
// Keyword arguments arrive as a trailing options object: `logging.basicConfig({ level: logging.INFO })`,
// `log.warning("x %s", 1, { excInfo: false })`.

import { callableClass } from '../collections/python-class.js';
import { Formatter as FormatterClass, LogRecord as LogRecordClass } from './records.js';
import {
  Handler as HandlerClass,
  NullHandler as NullHandlerClass,
  StreamHandler as StreamHandlerClass,
} from './handlers.js';
import { Logger as LoggerClass } from './loggers.js';

export * from './levels.js';
export { lastResort, type Filter, Filterer } from './handlers.js';
export {
  basicConfig,
  critical,
  debug,
  disable,
  error,
  exception,
  fatal,
  getLogger,
  info,
  log,
  root,
  RootLogger,
  warn,
  warning,
  type BasicConfigOptions,
  type LogOptions,
} from './loggers.js';

export const Logger = callableClass(LoggerClass, 'logging.Logger');
export type Logger = LoggerClass;
export const Handler = callableClass(HandlerClass, 'logging.Handler');
export type Handler = HandlerClass;
export const StreamHandler = callableClass(StreamHandlerClass, 'logging.StreamHandler');
export type StreamHandler = StreamHandlerClass;
export const NullHandler = callableClass(NullHandlerClass, 'logging.NullHandler');
export type NullHandler = NullHandlerClass;
export const Formatter = callableClass(FormatterClass, 'logging.Formatter');
export type Formatter = FormatterClass;
export const LogRecord = callableClass(LogRecordClass, 'logging.LogRecord');
export type LogRecord = LogRecordClass;
