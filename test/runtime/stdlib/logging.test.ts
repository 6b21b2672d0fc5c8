import { describe, expect, it } from 'vitest';
import { dict } from '../../../src/runtime/builtins/dict.js';
import { TypeError, ValueError } from '../../../src/runtime/builtins/exceptions.js';
import { len } from '../../../src/runtime/builtins/sequences.js';
import { repr } from '../../../src/runtime/builtins/repr.js';
import { typeName } from '../../../src/runtime/builtins/type-name.js';
import * as logging from '../../../src/runtime/logging/index.js';
import { printed, recorded, type CapturedStream } from './recorded.js';

// The cases share the logging module's state, in order, as they do when fixtures/record.py runs them in one process.
const cpython = recorded('logging');
const cases: Record<string, (print: (...values: unknown[]) => void, stdout: CapturedStream) => void> = {
  'basicConfig with a format, a level and a stream; named loggers inherit the level': (print, stdout) => {
    logging.basicConfig({
      format: '%(levelname)s %(name)s %(message)s',
      level: logging.INFO,
      stream: stdout,
      force: true,
    });
    const log = logging.getLogger('app.db');
    logging.debug('hidden debug');
    logging.info('root info %d', 42);
    log.warning('disk at %s%%', 91);
    log.error('failed: %r', 'x');
    log.critical('dict arg %(k)s', dict([['k', 'v']]));
    log.debug('hidden: logger inherits INFO');
    log.setLevel(logging.DEBUG);
    log.debug('now visible');
    logging.getLogger('app').info('parent logger');
    print(logging.getLogger('app.db') === log, logging.getLogger('app.db').parent === logging.getLogger('app'));
    print(
      logging.getLevelName(logging.WARNING),
      logging.getLevelName(40),
      logging.getLevelName(15),
      logging.getLevelName('INFO'),
      log.getEffectiveLevel(),
      log.level,
      log.name,
    );
    print(
      log.isEnabledFor(logging.DEBUG),
      logging.getLogger('other').isEnabledFor(logging.DEBUG),
      logging.INFO,
      logging.root.level,
      logging.getLogger() === logging.root,
    );
    logging.warning('message with %s', 'args', { excInfo: false });
    logging.basicConfig({ format: 'IGNORED %(message)s', level: logging.DEBUG });
    logging.info('second basicConfig was ignored');
  },
  'a logger created before its parent is re-parented under it': (print, stdout) => {
    logging.basicConfig({ format: '%(name)s|%(message)s', stream: stdout, force: true });
    const child = logging.getLogger('a.b.c');
    print(child.parent === logging.root);
    const mid = logging.getLogger('a.b');
    print(child.parent === mid, mid.parent === logging.root, logging.getLogger('a.b').getChild('c') === child);
    mid.setLevel(logging.ERROR);
    child.warning('hidden by a.b');
    child.error('shown');
    print(child.getEffectiveLevel(), repr(child), repr(logging.root));
  },
  'handlers, formatters in three styles, levels on handlers and propagation': (print, stdout) => {
    const logger = logging.getLogger('styles');
    logger.propagate = false;
    logger.setLevel(logging.DEBUG);
    for (const [fmt, style] of [
      ['[%(levelname)-8s] %(message)s', '%'],
      ['{levelname}:{name}:{message}', '{'],
      ['$levelname - ${message}', '$'],
    ] as const) {
      const h = logging.StreamHandler(stdout);
      h.setFormatter(logging.Formatter(fmt, null, style));
      logger.addHandler(h);
    }
    logger.handlers[1]!.setLevel(logging.WARNING);
    logger.info('info %s', 'once');
    logger.warning('warn');
    logger.log(logging.ERROR, 'via log');
    print(len(logger.handlers), logger.hasHandlers());
  },
  'filters drop records': (_print, stdout) => {
    const logger = logging.getLogger('filtered');
    logger.propagate = false;
    const h = logging.StreamHandler(stdout);
    logger.addHandler(h);
    logger.addFilter((record) => !record.getMessage().includes('secret'));
    logger.warning('public');
    logger.warning('secret stuff');
    h.setFormatter(logging.Formatter('%(levelno)s %(message)s'));
    logger.error('number %d', 7);
  },
  'bad levels are rejected': (print) => {
    for (const level of ['LOUD', 1.5]) {
      try {
        logging.getLogger('x').setLevel(level);
      } catch (e) {
        if (!(e instanceof ValueError || e instanceof TypeError)) throw e;
        print(typeName(e), e);
      }
    }
  },
  'a formatter made with keywords': (_print, stdout) => {
    const logger = logging.getLogger('kw');
    logger.propagate = false;
    const h = logging.StreamHandler({ stream: stdout });
    h.setFormatter(logging.Formatter({ fmt: '<{levelname}> {message}', style: '{' }));
    logger.addHandler(h);
    logger.warning('keyword formatter');
  },
};

describe('logging', () => {
  it('covers every recorded case', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(cpython).sort());
  });
  for (const [name, body] of Object.entries(cases)) {
    it(name, () => {
      expect(printed(body)).toBe(cpython[name]);
    });
  }
  it('without any handler, lastResort writes the bare message of a warning', () => {
    const written: string[] = [];
    const lastResort = logging.lastResort as logging.StreamHandler;
    const previous = lastResort.setStream({ write: (text: string) => written.push(text) });
    try {
      const quiet = logging.getLogger('quiet');
      quiet.propagate = false;
      quiet.info('below WARNING: dropped');
      quiet.error('no handler: %s', 'bare');
    } finally {
      if (previous !== null) lastResort.setStream(previous);
    }
    expect(written).toEqual(['no handler: bare\n']);
  });
});
