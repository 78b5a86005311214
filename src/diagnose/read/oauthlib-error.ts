import { parseForm, type Pair } from '../../oauth/form.js';
import { providerCodeRecord } from '../../knowledge/provider-codes.js';
import { excerpt, type ErrorShape, type Finding } from './finding.js';
import { formSegmentAround, unquotedValue } from './form-body.js';
import { findingFromPhrase } from './phrase-match.js';
import { speaksOAuth1 } from './oauth2.js';

/**
 * oauthlib-style errors, `error=invalid_request&error_description=…`
 * (form or JSON). The error value is coarse, so a known description refines it.
 * The raw shape rides along: OAuth 2.0 servers answer in the same shape
 * (RFC 6749 §5.2), and read-problem decides which it is by evidence.
 */
export function findingFromOAuthlibError(error: string, description: string | undefined, beside: Omit<ErrorShape, 'error' | 'description'> = {}): Finding {
  const errorShape: ErrorShape = { error, description, ...beside, ...(speaksOAuth1(description) ? { oauth1Words: true } : {}) };
  // invalid_signature_method says it all; its description ("Invalid signature, X not in …") would mislead a phrase match.
  const refinable = error !== 'invalid_signature_method' && error !== 'insecure_transport_protocol';
  const refined = description === undefined || !refinable ? undefined : findingFromPhrase(description, 'oauthlib-error');
  const message = description === undefined ? undefined : excerpt(description);
  // Words only OAuth 2.0 has are a sign of it: the code stays the server's, read-problem decides (read/oauth2.ts).
  if (description !== undefined && (speaksOAuth2(refined) || /\bAADSTS\d{4,}/.test(description))) return oauthlibCode(error, message, { ...errorShape, oauth2Words: true });
  if (refined) return { ...refined, source: 'oauthlib-error', message, errorShape };
  return oauthlibCode(error, message, errorShape);
}

const OAUTH2_CONCEPTS: ReadonlySet<string> = new Set(['oauth2-grant', 'oauth2-redirect', 'oauth2-pkce', 'oauth2-client', 'oauth2-consent', 'oauth2-session', 'oauth2-app', 'oauth2-refresh']);

function speaksOAuth2(finding: Finding | undefined): boolean {
  const read = finding?.classified;
  if (read === undefined || !OAUTH2_CONCEPTS.has(read.concept)) return false;
  // "Invalid client" is oauthlib's OAuth 1 wording too; a client secret or assertion is OAuth 2.0's alone.
  if (read.concept === 'oauth2-client') return read.words.some((w) => /secret|assertion|authentication|credential|oauth client|client[ _]id/i.test(w));
  // A bare "code … invalid" may be any code; an authorization code, a grant or a redeemed code is OAuth 2.0's.
  if (read.concept === 'oauth2-grant') return read.words.some((w) => /authori[sz]ation|auth code|grant|redeemed/i.test(w));
  return true;
}

function oauthlibCode(error: string, message: string | undefined, errorShape: ErrorShape): Finding {
  const row = providerCodeRecord('oauthlib', error);
  return {
    code: `oauthlib:${error}`,
    providerCode: `oauthlib:${error}`,
    source: 'oauthlib-error',
    confidence: row ? 'mapped' : 'exact',
    parameters: {},
    message,
    errorShape,
  };
}

/** What sits beside `error=` in a form or query: error_uri, scope, state, and any oauth_* parameter (an OAuth 1.0a sign). */
export function besideError(pairs: readonly Pair[]): Omit<ErrorShape, 'error' | 'description'> {
  const value = (name: string) => pairs.find(([n]) => n === name)?.[1];
  return {
    uri: value('error_uri'),
    scope: value('scope'),
    state: value('state') !== undefined,
    oauth1Beside: pairs.some(([name]) => name.startsWith('oauth_')),
  };
}

export function readOAuthlibForm(text: string): Finding | undefined {
  const segment = formSegmentAround(text, 'error');
  if (segment === undefined) return undefined;
  // A value sent with its quotes (`error=%22invalid_request%22`) is the value without them.
  const pairs = parseForm(segment).map(([name, value]) => [name, unquotedValue(value)] as Pair);
  const error = pairs.find(([name]) => name === 'error')?.[1]?.trim();
  if (!error || !/^[a-z_]{3,64}$/.test(error)) return undefined;
  // A key=value log line (logfmt: `error=invalid_client error_description="Client authentication failed"`) ends the form at a space:
  // its companions stand after it, each quoted or a bare word.
  const logged = pairs.some(([name]) => name === 'error_description') ? [] : loggedCompanions(text, text.indexOf(`${segment}`) + segment.length);
  const all = [...pairs, ...logged];
  // A Java map printed (`{httpStatus=400,error=invalid_grant,description=…}`) names it `description`.
  const description = all.find(([name]) => name === 'error_description')?.[1] ?? all.find(([name]) => name === 'description' || name === 'errorDescription')?.[1];
  return findingFromOAuthlibError(error, description, { ...besideError(all), carrier: 'form-body' });
}

/** `key="value"`, `key='value'` or `key=word` after a log line's `error=…`, for the companions RFC 6749 §5.2 defines (within 2,000 characters). */
const LOGGED = /(?:^|[\s,;])(error_description|error_uri|state)=(?:"((?:\\.|[^"\\\n]){0,2000})"|'([^'\n]{0,2000})'|([^\s"',;]{1,2000}))/g;

function loggedCompanions(text: string, from: number): Pair[] {
  if (from < 0) return [];
  const after = text.slice(from, from + 2000);
  const pairs: Pair[] = [];
  for (const match of after.matchAll(LOGGED)) {
    const name = match[1];
    const value = match[2]?.replace(/\\(["\\])/g, '$1') ?? match[3] ?? match[4];
    if (name !== undefined && value !== undefined && !pairs.some(([n]) => n === name)) pairs.push([name, value]);
  }
  return pairs;
}
