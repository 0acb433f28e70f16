// JSON-lines logging (pino). Errors are serialised with their message and stack
// into the log only; they never reach an HTTP response.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'hindsight' }, timestamp: pino.stdTimeFunctions.isoTime });
}
