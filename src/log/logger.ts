export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Keys whose values are secrets or customer content; kept out of logs above debug. */
const secretKey = /(secret|token|authorization|password|api[-_]?key|signature)/i;
const contentKey = /^(text|body|caption|summary|transcript)$/i;

function redact(value: unknown, level: LogLevel, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 4) return value;
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (Array.isArray(value)) return value.map((v) => redact(v, level, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (secretKey.test(key)) out[key] = '[redacted]';
    else if (contentKey.test(key) && level !== 'debug') out[key] = '[redacted]';
    else out[key] = redact(v, level, depth + 1);
  }
  return out;
}

/** Structured JSON lines; secrets never, message bodies only at debug level. */
export function createLogger(
  options: { level?: LogLevel; write?: (line: string) => void; fields?: LogFields } = {},
): Logger {
  const min = rank[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => console.log(line));
  const base = options.fields ?? {};
  const log = (level: LogLevel, msg: string, fields?: LogFields) => {
    if (rank[level] < min) return;
    const record = redact({ ...base, ...fields }, options.level ?? 'info') as LogFields;
    write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...record }));
  };
  return {
    debug: (msg, fields) => log('debug', msg, fields),
    info: (msg, fields) => log('info', msg, fields),
    warn: (msg, fields) => log('warn', msg, fields),
    error: (msg, fields) => log('error', msg, fields),
    child: (fields) => createLogger({ ...options, fields: { ...base, ...fields } }),
  };
}

export const silentLogger: Logger = createLogger({ write: () => {} });
