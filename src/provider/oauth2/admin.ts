// /admin/* of `serve --oauth2`: read the grants, revoke one, change the fault
// switches live. Loopback clients with our own Host and Origin only — the
// checks of the OAuth 1.0a provider's admin endpoints (admin-guard.ts).
import type { IncomingMessage } from 'node:http';
import { ADMIN_REFUSAL_TEXT, adminRefusal } from '../endpoints/admin-guard.js';
import type { Storage } from './adapter.js';
import { isOAuth2DialectName, NUMBER_SETTING_BOUNDS, settingProblem, type NumberSettingName, type OAuth2Settings } from './options.js';

export interface AdminAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** The guard's refusal for this message, if any (it takes the OAuth 1.0a provider's request shape). */
export function adminRefused(message: IncomingMessage): AdminAnswer | undefined {
  const refusal = adminRefusal({
    method: message.method ?? 'GET',
    target: message.url ?? '/',
    host: message.headers.host ?? '',
    headers: message.headersDistinct as Record<string, string[] | undefined>,
    body: Buffer.alloc(0),
    remoteAddress: message.socket.remoteAddress ?? '',
    localAddress: message.socket.localAddress,
    localPort: message.socket.localPort,
  });
  if (refusal === undefined) return undefined;
  const { status, error } = ADMIN_REFUSAL_TEXT[refusal];
  return { status, body: { error, refusal } };
}

/** Grants without secrets: who, which client, which scope, and how many tokens and codes hang on each. */
export function grantsOf(storage: Storage): unknown[] {
  const counts = new Map<string, Record<string, number>>();
  for (const model of ['AuthorizationCode', 'AccessToken', 'RefreshToken', 'DeviceCode']) {
    for (const [, payload] of storage.entries(model)) {
      if (payload.grantId === undefined) continue;
      const row = counts.get(payload.grantId) ?? {};
      row[model] = (row[model] ?? 0) + 1;
      counts.set(payload.grantId, row);
    }
  }
  return storage.entries('Grant').map(([grantId, g]) => ({
    grantId,
    accountId: g.accountId,
    clientId: g.clientId,
    scope: (g as { openid?: { scope?: string } }).openid?.scope,
    artifacts: counts.get(grantId) ?? {},
  }));
}

const BOOLEAN_SETTINGS = ['autoApprove', 'consentDenied', 'rotateRefreshToken', 'pkceRequired', 'parRequired'] as const;
const NUMBER_SETTINGS = Object.keys(NUMBER_SETTING_BOUNDS) as NumberSettingName[];

/** Applies the settings a form names; an invalid value is refused before anything changes. */
export function applySettings(form: URLSearchParams, settings: OAuth2Settings): AdminAnswer {
  const next: OAuth2Settings = { ...settings };
  const known = new Set<string>(['dialect', 'redirectMatching', 'tokenFailure', ...BOOLEAN_SETTINGS, ...NUMBER_SETTINGS]);
  const names = [...form.keys()];
  // A misspelt name would otherwise answer 200 and change nothing; a name twice would keep one of them silently.
  const unknown = names.find((name) => !known.has(name));
  if (unknown !== undefined) return { status: 400, body: { error: `no setting ${JSON.stringify(unknown.slice(0, 40))}`, settings: [...known] } };
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  if (twice !== undefined) return { status: 400, body: { error: `${twice} given twice` } };
  const dialect = form.get('dialect');
  if (dialect !== null) {
    if (!isOAuth2DialectName(dialect)) return { status: 400, body: { error: `unknown dialect ${JSON.stringify(dialect.slice(0, 40))}` } };
    next.dialect = dialect;
  }
  for (const name of BOOLEAN_SETTINGS) {
    const value = form.get(name);
    if (value === null) continue;
    if (value !== 'true' && value !== 'false') return { status: 400, body: { error: `${name} must be true or false` } };
    next[name] = value === 'true';
  }
  for (const name of NUMBER_SETTINGS) {
    const value = form.get(name);
    if (value === null) continue;
    const number = value.trim() === '' ? Number.NaN : Number(value);
    // The same bounds as the flags (options.ts): 0 s lifetimes, fractions of the engine's seconds and absurd values are refused.
    const problem = Number.isNaN(number) ? `must be a number of ${NUMBER_SETTING_BOUNDS[name].unit === 'ms' ? 'milliseconds' : 'seconds'}` : settingProblem(name, number);
    if (problem !== undefined) return { status: 400, body: { error: `${name} ${problem}` } };
    next[name] = number;
  }
  const matching = form.get('redirectMatching');
  if (matching !== null) {
    if (matching !== 'exact' && matching !== 'loopback-any-port') return { status: 400, body: { error: 'redirectMatching must be exact or loopback-any-port' } };
    next.redirectMatching = matching;
  }
  const failure = form.get('tokenFailure');
  if (failure !== null) {
    if (!['', 'off', '500', '502', '503'].includes(failure)) return { status: 400, body: { error: 'tokenFailure must be 500, 502, 503 or off' } };
    if (failure === '' || failure === 'off') delete next.tokenFailure;
    else next.tokenFailure = Number(failure) as 500 | 502 | 503;
  }
  Object.assign(settings, next);
  if (!('tokenFailure' in next)) delete settings.tokenFailure;
  return { status: 200, body: { settings: { ...settings } } };
}
