import { logLevel } from 'kafkajs';
import type { logCreator } from 'kafkajs';

/** A pino-compatible logging function: `log(msg)` or `log({ ...fields }, msg)`. */
export interface LogFn {
  (msg: string, ...args: unknown[]): void;
  (obj: object, msg?: string, ...args: unknown[]): void;
}

/** The subset of pino's logger this library uses; a pino logger can be passed as is. */
export interface Logger {
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  debug: LogFn;
}

const noop: LogFn = () => undefined;

export const noopLogger: Logger = { info: noop, warn: noop, error: noop, debug: noop };

function consoleFn(method: 'info' | 'warn' | 'error' | 'debug'): LogFn {
  return (objOrMsg: object | string, ...args: unknown[]) => {
    if (typeof objOrMsg === 'string') console[method](`[kafka] ${objOrMsg}`, ...args);
    else console[method](`[kafka] ${typeof args[0] === 'string' ? args[0] : ''}`, objOrMsg);
  };
}

/** Console logger that prints warnings and errors only (the default when no logger is injected). */
export const consoleLogger: Logger = { info: noop, debug: noop, warn: consoleFn('warn'), error: consoleFn('error') };

/** A kafkajs `logCreator` forwarding kafkajs' own logs (INFO mapped to debug) to `logger`. */
export function kafkajsLogCreator(logger: Logger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, ...extra } = log;
      const fields = { namespace, ...extra };
      if (level === logLevel.ERROR || level === logLevel.NOTHING) logger.error(fields, message);
      else if (level === logLevel.WARN) logger.warn(fields, message);
      else logger.debug(fields, message);
    };
}
