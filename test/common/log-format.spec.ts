import { chooseLogFormat, levelForNestMessage } from '../../src/common/logging/log-format.js';
import { ConfigError, loadConfig } from '../../src/config/app-config.js';

/** The log's format and Nest's start-up chatter, as plain rules (the process itself: test/foundation/logs.spec.ts). */
describe('Log format', () => {
  it('is readable in a terminal and JSON in a pipe or a file unless LOG_FORMAT says otherwise', () => {
    expect(chooseLogFormat('auto', true)).toBe('pretty');
    expect(chooseLogFormat('auto', false)).toBe('json');
    expect(chooseLogFormat('json', true)).toBe('json');
    expect(chooseLogFormat('pretty', false)).toBe('pretty');
  });

  it('reads LOG_FORMAT (auto by default, any case) and refuses anything else with a readable message', () => {
    expect(loadConfig({}).logFormat).toBe('auto');
    expect(loadConfig({ LOG_FORMAT: 'JSON' }).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: ' pretty ' }).logFormat).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT must be one of auto, json, pretty/);
  });

  it('writes the route mapping and module initialisation lines at debug level, everything else at its own', () => {
    expect(levelForNestMessage('info', 'RouterExplorer')).toBe('debug');
    expect(levelForNestMessage('info', 'RoutesResolver')).toBe('debug');
    expect(levelForNestMessage('info', 'InstanceLoader')).toBe('debug');
    expect(levelForNestMessage('info', 'Bootstrap')).toBe('info');
    expect(levelForNestMessage('info', undefined)).toBe('info');
    expect(levelForNestMessage('error', 'RouterExplorer')).toBe('error');
    expect(levelForNestMessage('warn', 'RoutesResolver')).toBe('warn');
  });
});
