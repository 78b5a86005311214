import { headerRecord, type CapturedExchange } from '../../capture/types.js';
import { firstHeaderValue } from '../../http/headers.js';
import { readProblem } from '../../diagnose/read-problem.js';
import type { DetectedProblem } from '../../diagnose/types.js';
import { formValue, parseForm } from '../../oauth/form.js';

/**
 * One captured exchange read as a step of an OAuth 2.0 session: the
 * authorization request (RFC 6749 §4.1.1), the redirect back (§4.1.2), a
 * token request (§4.1.3, §6, RFC 8628 §3.4). Raw values live here in memory
 * only; evidence gets fingerprints and everything printed is masked.
 */
type CapturedStepKind = 'authorize' | 'callback' | 'token' | 'refresh' | 'device-token' | 'client-credentials';

export interface CapturedStep {
  readonly kind: CapturedStepKind;
  /** The exchange it was read from: its place among the capture's and where it came from (not the exchange, which is dropped). */
  readonly exchangeIndex: number;
  readonly origin: string;
  readonly at: number | undefined;
  readonly status: number | undefined;
  /** authorize: as sent. callback: as came back. token: as sent. */
  readonly redirectUri?: string | undefined;
  readonly state?: string | undefined;
  readonly codeChallenge?: string | undefined;
  readonly codeChallengeMethod?: 'S256' | 'plain' | undefined;
  readonly scope?: string | undefined;
  readonly clientId?: string | undefined;
  /** callback: the code it brought; token: the code exchanged. */
  readonly code?: string | undefined;
  readonly codeVerifier?: string | undefined;
  readonly callbackError?: string | undefined;
  readonly iss?: string | undefined;
  /** refresh: the token presented. */
  readonly refreshTokenSent?: string | undefined;
  /** token responses: what a success issued. */
  readonly refreshTokenIssued?: string | undefined;
  readonly accessTokenIssued?: string | undefined;
  readonly scopeGranted?: string | undefined;
  readonly problem?: DetectedProblem | undefined;
}

function query(url: string): URLSearchParams | undefined {
  try {
    return new URL(url).searchParams;
  } catch {
    return undefined;
  }
}

function jsonObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined || !text.trim().startsWith('{')) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const method = (value: string | null): 'S256' | 'plain' | undefined => (value === 'S256' ? 'S256' : value === 'plain' ? 'plain' : undefined);

/** A redirect back to the client: `code` or `error` beside `state` (or alone with `iss`), in a query. */
function callbackFrom(params: URLSearchParams): Pick<CapturedStep, 'code' | 'state' | 'callbackError' | 'iss'> | undefined {
  const code = params.get('code') ?? undefined;
  const error = params.get('error') ?? undefined;
  if (code === undefined && error === undefined) return undefined;
  if (params.has('response_type') || params.has('oauth_token') || params.has('oauth_verifier')) return undefined;
  return { code, state: params.get('state') ?? undefined, callbackError: error, iss: params.get('iss') ?? undefined };
}

/** Reads one exchange as OAuth 2.0 steps (an authorize answered by a redirect is two: the request and the callback it carried). */
export function readSteps(exchange: CapturedExchange): CapturedStep[] {
  const { request, response } = exchange;
  const base = { exchangeIndex: exchange.index, origin: exchange.origin, at: exchange.startedAt, status: response?.status };
  const params = query(request.url);
  const out: CapturedStep[] = [];
  if (params?.has('response_type') && params.has('client_id')) {
    const challenge = params.get('code_challenge') ?? undefined;
    out.push({
      ...base,
      kind: 'authorize',
      redirectUri: params.get('redirect_uri') ?? undefined,
      state: params.get('state') ?? undefined,
      codeChallenge: challenge,
      codeChallengeMethod: challenge === undefined ? undefined : (method(params.get('code_challenge_method')) ?? 'plain'),
      scope: params.get('scope') ?? undefined,
      clientId: params.get('client_id') ?? undefined,
    });
  } else if (params) {
    const back = callbackFrom(params);
    if (back) out.push({ ...base, kind: 'callback', redirectUri: request.url.split('?')[0], ...back });
  }
  // A redirect whose Location carries the code: the callback, seen from the provider's side.
  const location = response && response.status >= 300 && response.status < 400 ? firstHeaderValue(response.headers, 'location') : undefined;
  const locationParams = location === undefined ? undefined : query(location);
  const redirected = locationParams ? callbackFrom(locationParams) : undefined;
  if (redirected && location !== undefined) out.push({ ...base, kind: 'callback', redirectUri: location.split('?')[0], ...redirected });

  if (request.method.toUpperCase() === 'POST' && request.body !== undefined) {
    const form = parseForm(request.body.text);
    const grant = formValue(form, 'grant_type');
    const kind: CapturedStepKind | undefined =
      grant === 'authorization_code' ? 'token' : grant === 'refresh_token' ? 'refresh' : grant === 'urn:ietf:params:oauth:grant-type:device_code' ? 'device-token' : grant === 'client_credentials' ? 'client-credentials' : undefined;
    if (kind) {
      const json = response && response.status >= 200 && response.status < 300 ? jsonObject(response.body) : undefined;
      const problem = response ? readProblem({ status: response.status, headers: headerRecord(response.headers), body: response.body, url: request.url, requestHeaders: headerRecord(request.headers) }) : undefined;
      out.push({
        ...base,
        kind,
        redirectUri: formValue(form, 'redirect_uri'),
        code: formValue(form, 'code'),
        codeVerifier: formValue(form, 'code_verifier'),
        clientId: formValue(form, 'client_id'),
        refreshTokenSent: formValue(form, 'refresh_token'),
        scope: formValue(form, 'scope'),
        refreshTokenIssued: str(json?.['refresh_token']),
        accessTokenIssued: str(json?.['access_token']),
        scopeGranted: str(json?.['scope']),
        problem: problem?.code.startsWith('oauth2:') ? problem : undefined,
      });
    }
  }
  return out;
}

/** Every value a step holds that must be masked in output. */
export function stepSecrets(step: CapturedStep): string[] {
  return [step.code, step.codeVerifier, step.refreshTokenSent, step.refreshTokenIssued, step.accessTokenIssued].filter((v): v is string => v !== undefined && v.length >= 4);
}
