import type { Environment } from '../../cli/environment.js';
import { readCredentials, type NamedCredential, type OAuth2Credential } from '../../credentials/store.js';
import { usageError } from '../../errors.js';
import type { OAuth2Profile } from '../../presets/oauth2-profile.js';

/**
 * `request --provider FILE URL` with an OAuth 2.0 profile and no --bearer
 * (issue 18 item 5): a profile names a server and a client, not a token. The
 * token is the one a `flow --save-credentials NAME` run of that client left
 * in the credentials file, found by the client id and the server (issuer,
 * token endpoint or preset name); else OAUTH2_ACCESS_TOKEN; else one line
 * saying what to pass. Deciding is pure (`chooseProfileToken`); reading the
 * file and the environment is the thin `profileToken`.
 */
export interface ProfileServer {
  readonly clientId?: string | undefined;
  readonly issuer?: string | undefined;
  readonly tokenEndpoint?: string | undefined;
  /** A preset's name (`--provider google`, or the preset a profile extends), as flow saves it. */
  readonly provider?: string | undefined;
}

export type ProfileTokenChoice =
  | { readonly kind: 'credential'; readonly name: string; readonly credential: OAuth2Credential; readonly others: readonly string[] }
  | { readonly kind: 'env' }
  | { readonly kind: 'none' };

/** RFC 8414 §3 compares issuers as strings; a trailing slash is the one difference a copied URL commonly adds. */
const sameUrl = (a: string | undefined, b: string | undefined): boolean => a !== undefined && b !== undefined && a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

function isFor(server: ProfileServer, credential: OAuth2Credential): boolean {
  if (server.clientId !== undefined && credential.clientId !== server.clientId) return false;
  return sameUrl(server.issuer, credential.issuer) || sameUrl(server.tokenEndpoint, credential.tokenEndpoint) || (server.provider !== undefined && credential.provider === server.provider);
}

/** The saved OAuth 2.0 credential of this client at this server (the newest when several are), else the environment's token, else none. */
export function chooseProfileToken(server: ProfileServer, credentials: Readonly<Record<string, NamedCredential>>, envToken: string | undefined): ProfileTokenChoice {
  const matching = Object.entries(credentials)
    .filter((entry): entry is [string, OAuth2Credential] => entry[1].protocol === 'oauth2' && isFor(server, entry[1]))
    .sort(([, a], [, b]) => (b.savedAt ?? '').localeCompare(a.savedAt ?? ''));
  const [first, ...rest] = matching;
  if (first) return { kind: 'credential', name: first[0], credential: first[1], others: rest.map(([name]) => name) };
  return envToken ? { kind: 'env' } : { kind: 'none' };
}

/** What a profile or preset says about its server, for the match; a template issuer ({tenant}) is no URL to compare. */
export function profileServer(profile: OAuth2Profile | undefined, presetName: string | undefined, env: Environment): ProfileServer {
  const issuer = profile?.preset.issuer;
  return {
    clientId: profile?.flags.clientId ?? (env.env['OAUTH2_CLIENT_ID'] || undefined),
    issuer: issuer !== undefined && !issuer.includes('{') ? issuer : undefined,
    tokenEndpoint: profile?.preset.endpoints?.token,
    provider: presetName ?? (profile?.preset.name !== undefined && profile.preset.name !== '' ? profile.preset.name : undefined),
  };
}

export function profileToken(shown: string, server: ProfileServer, env: Environment): Exclude<ProfileTokenChoice, { kind: 'none' }> {
  const choice = chooseProfileToken(server, readCredentials(env.env).credentials, env.env['OAUTH2_ACCESS_TOKEN'] || undefined);
  if (choice.kind !== 'none') return choice;
  const whose = [server.clientId === undefined ? undefined : `client ${server.clientId}`, server.issuer ?? server.tokenEndpoint ?? server.provider].filter(Boolean).join(' at ');
  throw usageError('missing-access-token', `--provider ${shown} names an OAuth 2.0 server and client, not a token, and no saved token is for ${whose || 'it'}`, `pass --bearer TOKEN (or @SESSION.json from flow --save, or -env), or --as NAME; or first run: oauth-doctor flow --provider ${shown} --save-credentials NAME`);
}
