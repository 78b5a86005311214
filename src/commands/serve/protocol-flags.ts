// serve runs one of two providers; a flag that only the other one reads would
// otherwise be accepted and do nothing (`serve --oauth2 --state f` kept no
// state, `serve --code-ttl 5s` set no code lifetime). Which flag belongs to
// which, as data, so a new flag is one row.
import { usageError } from '../../errors.js';
import type { ServeOptions } from './options.js';

type Given = (options: ServeOptions) => boolean;
const list = (name: 'consumer' | 'rsaConsumer' | 'throttle' | 'reject' | 'oobOnly' | 'client' | 'publicClient' | 'clientJwks' | 'redirectUri'): Given => (o) => (o[name] ?? []).length > 0;
const value = (name: keyof ServeOptions): Given => (o) => o[name] !== undefined;

/** Flags only the OAuth 1.0a provider reads, and why serve --oauth2 has none. */
const OAUTH1_ONLY: readonly (readonly [flag: string, given: Given, instead: string])[] = [
  ['--consumer', list('consumer'), 'use --client ID:SECRET'],
  ['--consumers-file', value('consumersFile'), `use --client or OAUTH_DOCTOR_OAUTH2_CLIENTS`],
  ['--rsa-consumer', list('rsaConsumer'), 'use --client-jwks ID:FILE (private_key_jwt)'],
  ['--throttle', list('throttle'), 'OAuth 2 has no consumer_key_refused'],
  ['--reject', list('reject'), 'OAuth 2 has no consumer_key_rejected'],
  ['--oob-only', list('oobOnly'), 'OAuth 2 has no oob callback; use --redirect-uri'],
  ['--request-token-ttl', value('requestTokenTtl'), 'use --code-ttl'],
  ['--session-ttl', value('sessionTtl'), 'use --refresh-token-ttl'],
  ['--token-retention', value('tokenRetention'), 'the OAuth 2 engine forgets what expires'],
  ['--no-renew', (o) => o.renew === false, 'use --no-rotate-refresh'],
  ['--timestamp-window', value('timestampWindow'), 'OAuth 2 signs nothing with timestamps; use --clock-skew'],
  ['--signature-methods', value('signatureMethods'), 'OAuth 2 has no signature methods'],
  ['--authorize-limit', value('authorizeLimit'), 'not offered for OAuth 2'],
  ['--authorize-marks-used', (o) => o.authorizeMarksUsed === true, 'not offered for OAuth 2'],
  ['--state', value('state'), 'serve --oauth2 keeps everything in memory, and forgets it when it stops'],
];

/** Flags only serve --oauth2 reads. */
const OAUTH2_ONLY: readonly (readonly [flag: string, given: Given])[] = [
  ['--client', list('client')],
  ['--public-client', list('publicClient')],
  ['--client-jwks', list('clientJwks')],
  ['--redirect-uri', list('redirectUri')],
  ['--code-ttl', value('codeTtl')],
  ['--refresh-token-ttl', value('refreshTokenTtl')],
  ['--no-rotate-refresh', (o) => o.rotateRefresh === false],
  ['--require-pkce', (o) => o.requirePkce === true],
  ['--require-par', (o) => o.requirePar === true],
  ['--consent-denied', (o) => o.consentDenied === true],
  ['--redirect-matching', value('redirectMatching')],
  ['--device-interval', value('deviceInterval')],
];

/** Refuses, with one line, the first flag the chosen provider would not read. */
export function refuseForeignFlags(options: ServeOptions): void {
  if (options.oauth2) {
    const foreign = OAUTH1_ONLY.find(([, given]) => given(options));
    if (foreign) throw usageError('flag-not-for-oauth2', `${foreign[0]} is for serve's OAuth 1.0a provider, not serve --oauth2`, foreign[2]);
    return;
  }
  const foreign = OAUTH2_ONLY.find(([, given]) => given(options));
  if (foreign) throw usageError('flag-needs-oauth2', `${foreign[0]} is for serve --oauth2 (the OAuth 2.0 provider)`, `add --oauth2, or drop ${foreign[0]}`);
}
