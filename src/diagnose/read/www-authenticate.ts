import type { Pair } from '../../oauth/form.js';
import { parseForm } from '../../oauth/form.js';
import { percentDecode } from '../../oauth/percent-encode.js';
import { snakeCode } from '../classify/code-case.js';

export interface OAuthChallenge {
  readonly realm: string | undefined;
  /** Auth-params after the realm, percent-decoded (RFC 5849 §3.5.1, §3.6). */
  readonly parameters: Pair[];
}

/** An OAuth 2.0 Bearer challenge (RFC 6750 §3): its auth-params as sent (quoted strings, not percent-encoded). */
export interface BearerChallenge {
  readonly realm: string | undefined;
  /** RFC 6750 §3.1: invalid_request, invalid_token, insufficient_scope, or a value nobody listed. */
  readonly error: string | undefined;
  readonly description: string | undefined;
  readonly uri: string | undefined;
  readonly scope: string | undefined;
  /** The error as the server wrote it, when that was not the registered spelling (`invalid token`, `InvalidToken`). */
  readonly written?: string | undefined;
}

/**
 * Schemes that carry RFC 6750 §3's auth-params: Bearer itself, DPoP (RFC 9449 §7.1), and the names gateways
 * send instead (WSO2's `OAuth2`, the draft-era `MAC`). `OAuth` is RFC 5849's, read as OAuth 2.0 only when it has an `error`.
 */
const BEARER_SCHEMES = ['bearer', 'dpop', 'oauth2', 'mac'] as const;

/** The codes RFC 6750 §3.1 registers for a challenge. */
const CHALLENGE_CODES: ReadonlySet<string> = new Set(['invalid_request', 'invalid_token', 'insufficient_scope']);

/**
 * Finds the `OAuth` challenge in a WWW-Authenticate value (RFC 9110 §11.6.1,
 * RFC 5849 §3.5.1) and reads its auth-params. Tolerant of what servers send:
 * unquoted values, several challenges in one header, and a form-encoded tail
 * (`oauth_problem=timestamp_refused&oauth_acceptable_timestamps=1-2`).
 * A linear scanner, never a backtracking regex: input is untrusted.
 */
export function parseOAuthChallenge(value: string): OAuthChallenge | undefined {
  const start = findScheme(value, 'oauth');
  if (start === undefined) return undefined;
  const { realm, params } = readAuthParams(value, start);
  const parameters: Pair[] = [];
  for (const [name, raw] of params) {
    if (raw.includes('&') && raw.includes('=')) {
      parameters.push([percentDecode(name), percentDecode(raw.slice(0, raw.indexOf('&')))], ...parseForm(raw.slice(raw.indexOf('&') + 1)));
    } else {
      parameters.push([percentDecode(name), percentDecode(adviceSpaces(name, raw))]);
    }
  }
  return { realm, parameters };
}

/**
 * Finds the `Bearer` challenge in a WWW-Authenticate value (RFC 6750 §3),
 * alone or beside others (`Bearer realm="api", error="invalid_token", OAuth realm="api"`).
 */
export function parseBearerChallenge(value: string): BearerChallenge | undefined {
  for (const scheme of BEARER_SCHEMES) {
    const start = findScheme(value, scheme);
    if (start !== undefined) return bearerAt(value, start, false);
  }
  // RFC 5849's scheme name with RFC 6750's error (old Google and Salesforce answers, `OAuth realm="…", error="invalid_token"`).
  const start = findScheme(value, 'oauth');
  return start === undefined ? undefined : bearerAt(value, start, true);
}

function bearerAt(value: string, start: number, needsError: boolean): BearerChallenge | undefined {
  const { realm, params } = readAuthParams(value, start);
  const param = (name: string) => params.find(([n]) => n.toLowerCase() === name)?.[1];
  const written = param('error')?.trim();
  if (needsError && (written === undefined || written === '' || param('oauth_problem') !== undefined)) return undefined;
  // `error="invalid token"`, `error="InvalidToken"`: the registered code, spelt another way.
  const snake = written === undefined ? undefined : snakeCode(written);
  const error = snake !== undefined && snake !== written && CHALLENGE_CODES.has(snake) ? snake : written;
  return {
    realm,
    error: error === '' ? undefined : error,
    description: param('error_description'),
    uri: param('error_uri'),
    scope: param('scope'),
    ...(error !== written ? { written } : {}),
  };
}

/**
 * The auth-params of one challenge, from just after its scheme to the next
 * challenge's scheme (RFC 9110 §11.6.1): the realm apart, the rest raw.
 */
function readAuthParams(value: string, start: number): { realm: string | undefined; params: [string, string][] } {
  let realm: string | undefined;
  const params: [string, string][] = [];
  let i = start;
  while (i < value.length) {
    while (i < value.length && (value[i] === ',' || value[i] === ' ' || value[i] === '\t')) i++;
    const nameStart = i;
    while (i < value.length && !'=, \t"'.includes(value[i] ?? '')) i++;
    const name = value.slice(nameStart, i);
    while (i < value.length && (value[i] === ' ' || value[i] === '\t')) i++;
    if (name === '' || value[i] !== '=') {
      // Either junk or the next challenge's scheme (`Basic realm=…`): stop.
      if (name !== '' && params.length + (realm === undefined ? 0 : 1) > 0) break;
      if (name === '') i++;
      continue;
    }
    i++;
    while (i < value.length && (value[i] === ' ' || value[i] === '\t')) i++;
    let raw = '';
    if (value[i] === '"') {
      i++;
      while (i < value.length && value[i] !== '"') {
        if (value[i] === '\\' && i + 1 < value.length) i++;
        raw += value[i];
        i++;
      }
      i++;
    } else {
      const valueStart = i;
      while (i < value.length && value[i] !== ',' && value[i] !== ' ' && value[i] !== '\t') i++;
      raw = value.slice(valueStart, i);
    }
    if (name.toLowerCase() === 'realm') realm = raw;
    else params.push([name, raw]);
  }
  return { realm, params };
}

/**
 * RFC 5849 §3.6 encodes a space as %20, but servers that form-encode
 * (application/x-www-form-urlencoded) send `+`. Only free text reads `+` as
 * a space, and only when the value has no other sign of encoding.
 */
function adviceSpaces(name: string, raw: string): string {
  return name === 'oauth_problem_advice' && raw.includes('+') && !raw.includes(' ') && !raw.includes('%20') ? raw.replaceAll('+', ' ') : raw;
}

/**
 * Index just after the scheme token (lowercase `scheme`), or undefined.
 * Quoted strings are skipped: `error_description="use OAuth 2"` names no scheme.
 */
function findScheme(value: string, scheme: string): number | undefined {
  const lower = value.toLowerCase();
  let quoted = false;
  for (let at = 0; at < lower.length; at++) {
    const char = lower[at];
    if (char === '"') {
      quoted = !quoted;
      continue;
    }
    if (quoted) {
      if (char === '\\') at++;
      continue;
    }
    if (!lower.startsWith(scheme, at)) continue;
    const before = at === 0 ? ' ' : (lower[at - 1] ?? ' ');
    const after = lower[at + scheme.length];
    if ((before === ' ' || before === ',' || before === '\t') && (after === undefined || after === ' ' || after === '\t')) return at + scheme.length;
  }
  return undefined;
}
