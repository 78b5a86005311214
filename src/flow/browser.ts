import { spawn } from 'node:child_process';

/**
 * The command that opens a URL: $BROWSER when set (the first entry of the
 * colon-separated list; `%s` is replaced by the URL, else the URL is
 * appended), otherwise the platform's opener.
 */
function browserCommand(url: string, env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform = process.platform): { command: string; args: string[] } {
  const browser = env['BROWSER']?.split(':')[0]?.trim();
  if (browser) {
    const words = browser.split(/\s+/);
    const args = words.slice(1);
    const withUrl = args.some((a) => a.includes('%s')) ? args.map((a) => a.replace('%s', url)) : [...args, url];
    return { command: words[0] ?? browser, args: withUrl };
  }
  if (platform === 'darwin') return { command: 'open', args: [url] };
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')] };
  return { command: 'xdg-open', args: [url] };
}

/** Starts the browser without waiting for it; false when the command could not be started. */
export function openInBrowser(url: string, env: Readonly<Record<string, string | undefined>>): Promise<boolean> {
  const { command, args } = browserCommand(url, env);
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { detached: true, stdio: 'ignore', env: { ...env } as NodeJS.ProcessEnv });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
