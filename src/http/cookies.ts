import type { HttpResponse } from './types.js';

/**
 * A cookie jar for one run of `--authorize http` (issue 15 item 16): an
 * authorise page that sets a session cookie and redirects to a confirm page
 * needs it back, as a browser would send it (RFC 6265 §5.3, §5.4, kept
 * simple: host-only or Domain suffix, Path prefix, Max-Age/Expires to
 * delete, Secure only over https). Never sent on a signed request.
 */
export class CookieJar {
  private readonly cookies = new Map<string, { name: string; value: string; domain: string; hostOnly: boolean; path: string; secure: boolean }>();

  /** Stores the Set-Cookie headers of a response to `url`. */
  store(url: string, headers: HttpResponse['headers'], now: number): void {
    const raw = headers['set-cookie'];
    const lines = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw as string];
    const target = new URL(url);
    for (const line of lines) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let domain = target.hostname.toLowerCase();
      let hostOnly = true;
      let path = defaultPath(target.pathname);
      let secure = false;
      let expired = false;
      for (const attribute of attributes) {
        const [key = '', ...rest] = attribute.split('=');
        const k = key.trim().toLowerCase();
        const v = rest.join('=').trim();
        if (k === 'domain' && v !== '') {
          const d = v.replace(/^\./, '').toLowerCase();
          if (domain !== d && !domain.endsWith(`.${d}`)) continue;
          domain = d;
          hostOnly = false;
        } else if (k === 'path' && v.startsWith('/')) path = v;
        else if (k === 'secure') secure = true;
        else if (k === 'max-age' && /^-?\d+$/.test(v) && Number(v) <= 0) expired = true;
        else if (k === 'expires' && Date.parse(v) <= now) expired = true;
      }
      const id = `${domain};${path};${name}`;
      if (expired) this.cookies.delete(id);
      else this.cookies.set(id, { name, value, domain, hostOnly, path, secure });
    }
  }

  /** The Cookie header for a request to `url`, or undefined. */
  header(url: string): string | undefined {
    const target = new URL(url);
    const host = target.hostname.toLowerCase();
    const pairs: string[] = [];
    for (const c of this.cookies.values()) {
      const domainOk = c.hostOnly ? host === c.domain : host === c.domain || host.endsWith(`.${c.domain}`);
      const pathOk = target.pathname === c.path || target.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`);
      if (domainOk && pathOk && (!c.secure || target.protocol === 'https:')) pairs.push(`${c.name}=${c.value}`);
    }
    return pairs.length > 0 ? pairs.join('; ') : undefined;
  }

  get size(): number {
    return this.cookies.size;
  }
}

/** RFC 6265 §5.1.4: the directory of the request path. */
function defaultPath(pathname: string): string {
  const slash = pathname.lastIndexOf('/');
  return slash <= 0 ? '/' : pathname.slice(0, slash);
}
