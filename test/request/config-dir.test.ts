import { describe, expect, it } from 'vitest';
import { configDir, credentialsPath } from '../../src/credentials/path.js';

describe('where named credentials live', () => {
  it('XDG_CONFIG_HOME when absolute; else the platform config folder', () => {
    expect(credentialsPath({ XDG_CONFIG_HOME: '/x/cfg', HOME: '/home/u' }, 'linux')).toBe('/x/cfg/oauth-doctor/credentials.json');
    expect(configDir({ XDG_CONFIG_HOME: 'relative', HOME: '/home/u' }, 'linux')).toBe('/home/u/.config/oauth-doctor');
    expect(configDir({ HOME: '/Users/u' }, 'darwin')).toBe('/Users/u/Library/Application Support/oauth-doctor');
    expect(configDir({ HOME: '/h', APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toMatch(/AppData.Roaming.oauth-doctor$/);
  });
});
