import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * Where named credentials live: $XDG_CONFIG_HOME/oauth-doctor/credentials.json
 * (XDG Base Directory spec: a relative value is ignored), else the platform's
 * config folder — ~/.config on Linux and the BSDs, ~/Library/Application
 * Support on macOS, %APPDATA% on Windows.
 */
export function configDir(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform = process.platform): string {
  const xdg = env['XDG_CONFIG_HOME'];
  if (xdg && isAbsolute(xdg)) return join(xdg, 'oauth-doctor');
  const home = env['HOME'] || homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'oauth-doctor');
  if (platform === 'win32') return join(env['APPDATA'] || join(home, 'AppData', 'Roaming'), 'oauth-doctor');
  return join(home, '.config', 'oauth-doctor');
}

export function credentialsPath(env: Readonly<Record<string, string | undefined>>, platform?: NodeJS.Platform): string {
  return join(configDir(env, platform), 'credentials.json');
}
