import type { Adjustment, EvidenceContext } from '../evidence/context.js';
import { formatDuration } from '../text.js';
import { parRequired, pkceRequired } from './authorization-request.js';
import { sayOAuth2 } from './text.js';
import type { OAuth2Evidence } from './types.js';

/** One OAuth 2.0 ranking rule: what this session's evidence says about each cause. */
export type OAuth2Rule = (evidence: OAuth2Evidence, context: EvidenceContext) => Adjustment[];

/** RFC 6749 §4.1.2: "A maximum authorization code lifetime of 10 minutes is RECOMMENDED." */
const RFC_CODE_LIFETIME_SEC = 600;
/** What oauth4webapi and many servers allow either way before a time claim counts as wrong. */
const DEFAULT_TOLERANCE_SEC = 30;
const NOTICEABLE_OFFSET_SEC = 5;

const ago = (from: number, to: number, lang: EvidenceContext['lang']): string => formatDuration((to - from) / 1000, lang);
const nowOf = (evidence: OAuth2Evidence): number | undefined => evidence.token?.at ?? evidence.observedAt;

/** RFC 6749 §4.1.2: single use. The ledger says whether this very code was presented before. */
const codeReuse: OAuth2Rule = (evidence, { lang }) => {
  if (evidence.token?.code === undefined) return [];
  const prior = evidence.ledger?.code;
  if (prior === undefined) return evidence.ledger ? [{ cause: 'reuse', likelihood: 'unlikely', line: sayOAuth2('codeFirstUse', lang) }] : [];
  const first = prior.uses[0];
  if (first === undefined) return [{ cause: 'reuse', likelihood: 'unlikely', line: sayOAuth2('codeFirstUse', lang) }];
  const now = nowOf(evidence) ?? first;
  return [{ cause: 'reuse', likelihood: 'certain', line: sayOAuth2('codeUsedBefore', lang, { count: prior.uses.length, ago: ago(first, now, lang) }) }];
};

/** The code's age at exchange against its lifetime (the provider's, else RFC 6749 §4.1.2's ceiling). */
const codeAge: OAuth2Rule = (evidence, { lang }) => {
  const issued = evidence.callback?.at;
  const used = evidence.token?.at;
  if (issued === undefined || used === undefined || evidence.token?.code === undefined) return [];
  const ageSec = Math.max(0, (used - issued) / 1000);
  const known = evidence.codeLifetimeSec;
  const lifetime = known ?? RFC_CODE_LIFETIME_SEC;
  const values = { age: formatDuration(ageSec, lang), lifetime: formatDuration(lifetime, lang), source: sayOAuth2(known === undefined ? 'lifetimeRfc' : 'lifetimeProvider', lang) };
  if (ageSec > lifetime) return [{ cause: 'expiry', likelihood: known === undefined ? 'likely' : 'certain', line: sayOAuth2('codeAgeOver', lang, values) }];
  if (ageSec > lifetime * 0.8) return [{ cause: 'expiry', likelihood: 'possible', line: sayOAuth2('codeAgeNear', lang, values) }];
  return [{ cause: 'expiry', likelihood: 'unlikely', line: sayOAuth2('codeAgeUnder', lang, values) }];
};

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i + 1;
}

/** RFC 6749 §4.1.3: the token request repeats the authorize leg's redirect_uri exactly. */
const redirectLegs: OAuth2Rule = (evidence, { lang }) => {
  const sent = evidence.authorize?.redirectUri;
  const token = evidence.token;
  if (sent === undefined || token?.code === undefined) return [];
  const back = token.redirectUri;
  if (back === undefined) return [{ cause: 'redirect-mismatch', likelihood: 'certain', line: sayOAuth2('redirectMissing', lang, { authorize: sent }) }];
  if (back !== sent) return [{ cause: 'redirect-mismatch', likelihood: 'certain', line: sayOAuth2('redirectDiffers', lang, { authorize: sent, token: back, index: firstDifference(sent, back) }) }];
  return [{ cause: 'redirect-mismatch', likelihood: 'unlikely', line: sayOAuth2('redirectSame', lang, { uri: sent }) }];
};

/** RFC 7636 §4.6, checked here: the verifier sent against the challenge sent. */
const pkcePair: OAuth2Rule = (evidence, { lang }) => {
  const challenge = evidence.authorize?.codeChallenge;
  const method = evidence.authorize?.codeChallengeMethod ?? 'plain';
  const computed = evidence.token?.verifierChallenge;
  if (evidence.token?.code === undefined || computed === undefined) return [];
  if (challenge === undefined) {
    return computed === null ? [{ cause: 'pkce-verifier-mismatch', likelihood: 'unlikely' }] : [{ cause: 'pkce-verifier-mismatch', likelihood: 'possible', line: sayOAuth2('pkceUnasked', lang) }];
  }
  if (computed === null) return [{ cause: 'pkce-verifier-mismatch', likelihood: 'certain', line: sayOAuth2('pkceMissing', lang, { method }) }];
  if (computed !== challenge) return [{ cause: 'pkce-verifier-mismatch', likelihood: 'certain', line: sayOAuth2('pkceMismatch', lang, { computed, sent: challenge, method }) }];
  return [{ cause: 'pkce-verifier-mismatch', likelihood: 'unlikely', line: sayOAuth2('pkceMatches', lang, { method }) }];
};

/** Refresh rotation and reuse (RFC 6749 §6, RFC 9700 §4.14.2), from the ledger and this session. */
const refreshReuse: OAuth2Rule = (evidence, { lang }) => {
  const fp = evidence.token?.refreshToken;
  if (fp === undefined) return [];
  const out: Adjustment[] = [];
  const prior = evidence.ledger?.refreshToken;
  const now = nowOf(evidence) ?? 0;
  const first = prior?.uses[0];
  if (prior?.revokedAt !== undefined) out.push({ cause: 'revocation', likelihood: 'certain', line: sayOAuth2('revokedHere', lang, { ago: ago(prior.revokedAt, now, lang) }) });
  if (prior?.rotated && first !== undefined) {
    out.push({ cause: 'reuse', likelihood: 'certain', line: sayOAuth2('refreshReplayed', lang, { count: prior.uses.length, ago: ago(first, now, lang) }) });
    out.push({ cause: 'refresh-family-revoked', likelihood: 'likely' });
  } else if (prior?.familyReplayedAt !== undefined) {
    out.push({ cause: 'refresh-family-revoked', likelihood: 'certain', line: sayOAuth2('familyRevoked', lang, { ago: ago(prior.familyReplayedAt, now, lang) }) });
    out.push({ cause: 'reuse', likelihood: 'unlikely' });
  } else if (first !== undefined) {
    out.push({ cause: 'reuse', likelihood: 'possible', line: sayOAuth2('refreshUsedBefore', lang, { count: prior?.uses.length ?? 0, ago: ago(first, now, lang) }) });
  } else if (evidence.ledger) {
    out.push({ cause: 'reuse', likelihood: 'unlikely', line: sayOAuth2('refreshFirstUse', lang) });
    out.push({ cause: 'refresh-family-revoked', likelihood: 'unlikely' });
  }
  const twice = (evidence.refreshes ?? []).filter((event) => event.sent === fp);
  const [a, b] = twice;
  if (a !== undefined && b !== undefined) out.push({ cause: 'reuse', likelihood: 'likely', line: sayOAuth2('refreshTwiceInSession', lang, { gap: formatDuration((b.at - a.at) / 1000, lang) }), raiseOnly: true });
  return out;
};

/** A refresh, client-credentials or device request carries no code: the code-only causes do not apply (RFC 6749 §4.1.3 vs §6, §4.4). */
const grantWithoutCode: OAuth2Rule = (evidence, { lang }) => {
  const grant = evidence.token?.grantType;
  if (grant === undefined || grant === 'authorization_code' || evidence.token?.code !== undefined) return [];
  const line = sayOAuth2('noCodeInGrant', lang, { grant });
  return [
    { cause: 'redirect-mismatch', likelihood: 'unlikely', line },
    { cause: 'pkce-verifier-mismatch', likelihood: 'unlikely' },
  ];
};

/** The client authentication method used against the metadata's list (RFC 8414 §2). */
const clientAuthMethod: OAuth2Rule = (evidence, { problem, lang }) => {
  const used = evidence.token?.clientAuth;
  const supported = evidence.metadata?.tokenEndpointAuthMethods;
  if (used === undefined || supported === undefined || supported.length === 0) return [];
  const strong = problem.code === 'oauth2:invalid_client';
  if (!supported.includes(used)) return [{ cause: 'client-authentication', likelihood: strong ? 'certain' : 'likely', line: sayOAuth2('authMethodUnsupported', lang, { used, supported: supported.join(', ') }) }];
  return strong ? [{ cause: 'client-authentication', line: sayOAuth2('authMethodListed', lang, { used }) }] : [];
};

/** A client assertion judged by the server's clock, and its audience (RFC 7523 §3). */
const assertionClock: OAuth2Rule = (evidence, { lang }) => {
  const assertion = evidence.token?.assertion;
  const sentAt = evidence.token?.at;
  if (assertion === undefined || sentAt === undefined) return [];
  const out: Adjustment[] = [];
  const offset = evidence.clockOffsetSec ?? 0;
  const tolerance = evidence.clockToleranceSec ?? DEFAULT_TOLERANCE_SEC;
  const serverNow = sentAt / 1000 + offset;
  const shown = Math.round(offset);
  const notBefore = assertion.nbf ?? assertion.iat;
  if (evidence.clockOffsetSec !== undefined) {
    if (notBefore !== undefined && notBefore - serverNow > tolerance) out.push({ cause: 'clock-skew', likelihood: 'certain', line: sayOAuth2('assertionFuture', lang, { seconds: Math.round(notBefore - serverNow), offset: shown }) });
    else if (assertion.exp !== undefined && serverNow - assertion.exp > tolerance) out.push({ cause: 'clock-skew', likelihood: 'certain', line: sayOAuth2('assertionExpired', lang, { seconds: Math.round(serverNow - assertion.exp), offset: shown }) });
    else out.push({ cause: 'clock-skew', likelihood: 'unlikely', line: sayOAuth2('assertionTimesFine', lang, { offset: shown }) });
  }
  const issuer = evidence.metadata?.issuer ?? evidence.issuer;
  const endpoint = evidence.metadata?.tokenEndpoint;
  const audiences = assertion.aud === undefined ? [] : typeof assertion.aud === 'string' ? [assertion.aud] : [...assertion.aud];
  if (audiences.length > 0 && (issuer !== undefined || endpoint !== undefined) && !audiences.some((aud) => aud === issuer || aud === endpoint)) {
    out.push({ cause: 'client-authentication', likelihood: 'likely', line: sayOAuth2('assertionAudience', lang, { aud: audiences.join(' '), issuer: issuer ?? '?', endpoint: endpoint ?? '?' }) });
  }
  return out;
};

/** The server's clock, when no assertion speaks for it: a large offset makes skew possible (token times are the server's). */
const clockOffset: OAuth2Rule = (evidence, { lang }) => {
  const offset = evidence.clockOffsetSec;
  if (offset === undefined || evidence.token?.assertion !== undefined) return [];
  const seconds = Math.round(Math.abs(offset));
  if (seconds <= NOTICEABLE_OFFSET_SEC) return [{ cause: 'clock-skew', likelihood: 'unlikely', line: sayOAuth2('clockAgrees', lang, { seconds: Math.max(seconds, 1) }) }];
  const line = sayOAuth2('clockOff', lang, { seconds, direction: sayOAuth2(offset > 0 ? 'ahead' : 'behind', lang) });
  return [{ cause: 'clock-skew', likelihood: seconds > 300 ? 'likely' : 'possible', line }];
};

const scopes = (value: string | undefined): string[] => (value ?? '').split(' ').filter((s) => s !== '');

/** RFC 6749 §3.3: scope asked against scope granted. */
const scopeGranted: OAuth2Rule = (evidence, { problem, lang }) => {
  const asked = evidence.authorize?.scope;
  const granted = evidence.scopeGranted;
  if (asked === undefined || granted === undefined) return [];
  const missing = scopes(asked).filter((scope) => !scopes(granted).includes(scope));
  const resource = evidence.failedStep === 'resource' || evidence.failedStep === 'userinfo' || problem.code === 'oauth2:insufficient_scope';
  if (missing.length > 0) return [{ cause: 'insufficient-scope', likelihood: resource ? 'certain' : 'possible', line: sayOAuth2('scopeMissing', lang, { asked, granted, missing: missing.join(', ') }) }];
  return resource ? [{ cause: 'insufficient-scope', line: sayOAuth2('scopeGranted', lang, { granted }) }] : [];
};

/** RFC 6749 §4.1.2 / §10.12 state, and RFC 9207 iss, on the callback. */
const callbackChecks: OAuth2Rule = (evidence, { lang }) => {
  const out: Adjustment[] = [];
  const sent = evidence.authorize?.state;
  const callback = evidence.callback;
  if (callback !== undefined && sent !== undefined) {
    if (callback.state === undefined) out.push({ cause: 'state-mismatch', likelihood: 'likely', line: sayOAuth2('stateMissing', lang) });
    else if (callback.state !== sent) out.push({ cause: 'state-mismatch', likelihood: 'certain', line: sayOAuth2('stateDiffers', lang, { sent, back: callback.state }) });
    else out.push({ cause: 'state-mismatch', likelihood: 'unlikely', line: sayOAuth2('stateSame', lang) });
  }
  const issuer = evidence.metadata?.issuer ?? evidence.issuer;
  if (callback?.iss !== undefined && issuer !== undefined && callback.iss !== issuer) out.push({ cause: 'host-mismatch', likelihood: 'likely', line: sayOAuth2('issMismatch', lang, { iss: callback.iss, issuer }) });
  if (callback?.error === 'access_denied') out.push(...accessDenied(evidence, lang));
  else if (callback?.error === 'consent_required' || callback?.error === 'interaction_required') out.push({ cause: 'consent-required', likelihood: 'certain', line: sayOAuth2('consentDenied', lang, { error: callback.error }) });
  return out;
};

/**
 * RFC 6749 §4.1.2.1 access_denied: the person said no — unless the evidence
 * says otherwise. An OpenID Connect provider asked for no openid scope may
 * grant nothing and answer access_denied with no one refusing (oidc-provider:
 * "no scope was granted"); and with --authorize http nobody was at the page.
 */
function accessDenied(evidence: OAuth2Evidence, lang: EvidenceContext['lang']): Adjustment[] {
  const asked = scopes(evidence.authorize?.scope);
  const oidc = evidence.metadata?.scopes?.includes('openid') === true;
  const automatic = evidence.authorize?.automatic === true;
  const said = sayOAuth2('consentDenied', lang, { error: 'access_denied' });
  if (oidc && evidence.authorize !== undefined && !asked.includes('openid')) {
    return [
      { cause: 'insufficient-scope', likelihood: automatic ? 'certain' : 'likely', line: sayOAuth2('noOpenidScope', lang, { scope: asked.length > 0 ? asked.join(' ') : sayOAuth2('noScopeAsked', lang) }) },
      { cause: 'user-denied', likelihood: automatic ? 'unlikely' : 'possible', line: automatic ? sayOAuth2('nobodyAtPage', lang) : said },
    ];
  }
  if (automatic) return [{ cause: 'user-denied', likelihood: 'likely', line: `${said} ${sayOAuth2('nobodyAtPage', lang)}` }];
  return [{ cause: 'user-denied', likelihood: 'certain', line: said }];
}

/** A gap between polls: milliseconds under a second (a client polling every few ms was "polled every 0 s"). */
function formatGap(seconds: number, lang: EvidenceContext['lang']): string {
  if (seconds >= 1) return formatDuration(seconds, lang);
  const ms = Math.max(1, Math.round(seconds * 1000));
  return lang === 'ja' ? `${ms} ミリ秒` : `${ms} ms`;
}

/** The device grant's polling (RFC 8628 §3.5) and lifetime (§3.2). */
const devicePolling: OAuth2Rule = (evidence, { problem, lang }) => {
  const device = evidence.device;
  if (device === undefined) return [];
  const out: Adjustment[] = [];
  const polls = device.polls ?? [];
  const interval = device.intervalSec ?? 5;
  if (problem.code === 'oauth2:slow_down' && polls.length >= 2) {
    const firstPoll = polls[0];
    const lastPoll = polls.at(-1);
    if (firstPoll !== undefined && lastPoll !== undefined) {
      const gapSec = (lastPoll.at - firstPoll.at) / 1000 / (polls.length - 1);
      const gap = formatGap(gapSec, lang);
      if (gapSec < interval) out.push({ cause: 'rate-limited', likelihood: 'certain', line: sayOAuth2('pollTooFast', lang, { gap, interval }) });
      else out.push({ cause: 'rate-limited', likelihood: 'likely', line: sayOAuth2('pollPaced', lang, { gap, interval }) });
    }
  }
  const now = evidence.observedAt ?? polls.at(-1)?.at;
  if (device.issuedAt !== undefined && now !== undefined) {
    const ageSec = (now - device.issuedAt) / 1000;
    if (problem.code === 'oauth2:expired_token' && device.expiresInSec !== undefined && ageSec >= device.expiresInSec) {
      out.push({ cause: 'expiry', likelihood: 'certain', line: sayOAuth2('deviceExpired', lang, { age: formatDuration(ageSec, lang), lifetime: formatDuration(device.expiresInSec, lang) }) });
    }
    if (problem.code === 'oauth2:authorization_pending') out.push({ cause: 'not-yet-authorized', likelihood: 'certain', line: sayOAuth2('devicePending', lang, { age: formatDuration(ageSec, lang) }) });
  }
  return out;
};

/**
 * RFC 6749 §4.1.2.1: when the redirect_uri is missing, invalid or not
 * registered, or the client_id unknown, the server MUST NOT redirect back: it
 * answers the browser itself. An error status there, with the redirect_uri
 * this run sent, points at the registration before anything else.
 */
const authorizeRefused: OAuth2Rule = (evidence, { problem, lang }) => {
  const status = evidence.authorize?.pageStatus;
  if (evidence.failedStep !== 'authorize' || status === undefined) return [];
  const uri = evidence.authorize?.redirectUri ?? '?';
  // The page naming invalid_client puts the client_id first; otherwise the redirect_uri.
  const client = problem.code === 'oauth2:invalid_client';
  return [
    { cause: 'redirect-mismatch', likelihood: client ? 'possible' : 'likely', line: sayOAuth2('authorizeRefusedItself', lang, { status, uri }) },
    { cause: 'unknown-consumer', likelihood: client ? 'likely' : 'possible', line: sayOAuth2('authorizeClientId', lang, { client: evidence.authorize?.clientId ?? '?' }) },
    { cause: 'approval-needs-person', likelihood: 'unlikely', line: sayOAuth2('authorizeNotAPage', lang, { status }) },
    ...(client ? [{ cause: 'client-authentication' as const, likelihood: 'unlikely' as const, line: sayOAuth2('authorizeNoSecret', lang) }] : []),
  ];
};

/** A request oauth-doctor (or the capture) knows was OAuth 2.0 rules out "the endpoint wants OAuth 2.0". */
const spokeOAuth2: OAuth2Rule = (evidence, { lang }) => (evidence.oauth2Request ? [{ cause: 'oauth2-endpoint', likelihood: 'unlikely', line: sayOAuth2('oauth2Request', lang) }] : []);

/** Applied in this order, after the generic response rule and before the provider's words. */
export const OAUTH2_RULES: readonly OAuth2Rule[] = [spokeOAuth2, authorizeRefused, callbackChecks, codeReuse, refreshReuse, grantWithoutCode, redirectLegs, pkcePair, codeAge, clientAuthMethod, assertionClock, clockOffset, scopeGranted, devicePolling, pkceRequired, parRequired];
