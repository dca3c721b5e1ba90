/** How log lines are written: one JSON object a line (for log collectors) or readable lines (for a person). */
export type LogFormat = 'json' | 'pretty';

/** LOG_FORMAT: `json`, `pretty`, or `auto` (the default). */
export type LogFormatSetting = LogFormat | 'auto';

export const LOG_FORMAT_SETTINGS: readonly LogFormatSetting[] = ['auto', 'json', 'pretty'];

/**
 * The format of the log: what LOG_FORMAT asks for; on `auto`, readable lines when standard output is
 * a terminal (someone typed `npm start`), JSON when it is a pipe or a file (systemd, Docker, a collector).
 */
export function chooseLogFormat(setting: LogFormatSetting, stdoutIsTerminal: boolean): LogFormat {
  if (setting !== 'auto') return setting;
  return stdoutIsTerminal ? 'pretty' : 'json';
}

/**
 * Nest's start-up chatter: a line per mapped route (RoutesResolver, RouterExplorer) and per module
 * initialised (InstanceLoader). Written at debug level (LOG_LEVEL=debug shows it), not info.
 */
const START_UP_CHATTER = new Set(['RoutesResolver', 'RouterExplorer', 'InstanceLoader']);

export type LogLevel = 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal';

/** The level a Nest log call is written at: info from the start-up chatter becomes debug. */
export function levelForNestMessage(level: LogLevel, context: string | undefined): LogLevel {
  return level === 'info' && context !== undefined && START_UP_CHATTER.has(context) ? 'debug' : level;
}
