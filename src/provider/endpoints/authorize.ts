import { timingSafeEqual } from 'node:crypto';
import { parseForm, parseQuery, type Pair } from '../../oauth/form.js';
import { percentEncode } from '../../oauth/percent-encode.js';
import { newVerifier, type ProviderContext } from '../context.js';
import { fail, type Failure } from '../failure.js';
import { HTML, reply, header, type ProviderReply, type ProviderRequest } from '../http-types.js';
import { approvalPage, deniedPage, verifierPage } from '../pages/authorize-pages.js';
import type { RequestTokenRecord } from '../state.js';

/** The authorise step's inputs: query for GET, form body for POST (the approval page posts back). */
function authorizeParameters(request: ProviderRequest): Pair[] {
  const query = parseQuery(new URL(request.target, 'http://x').search);
  const isForm = (header(request, 'content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
  return request.method === 'POST' && isForm ? [...query, ...parseForm(request.body.toString('utf8'))] : query;
}

function userRefused(request: ProviderRequest, context: ProviderContext): Failure | undefined {
  const address = request.remoteAddress;
  if (context.store.isAddressRefused(address)) return fail('user_refused');
  const limit = context.config.authorizeRateLimit;
  if (limit && context.store.countAuthorizeAttempt(address, context.now(), limit.windowMs) > limit.max) return fail('user_refused');
  return undefined;
}

/** RFC 5849 §2.2: the token must be one we issued, unused, unexpired and unrevoked. */
function checkToken(token: string | undefined, visit: boolean, context: ProviderContext): RequestTokenRecord | Failure {
  if (!token) return fail('parameter_absent', { parameters: [['oauth_parameters_absent', 'oauth_token']], detail: 'missing-token' });
  const record = context.store.requestToken(token);
  if (!record) return fail('token_rejected');
  if (record.revoked) return fail('token_revoked');
  if (record.used) return fail('token_used');
  if (record.expiresAt !== undefined && context.now() > record.expiresAt) return fail('token_expired');
  // As on X: once the page was shown, showing it again says the token is used up.
  if (context.settings.authorizeMarksTokenUsed && visit && record.authorizeVisited) return fail('token_used');
  return record;
}

function withQuery(callback: string, pairs: readonly Pair[]): string {
  const url = new URL(callback);
  for (const [name, value] of pairs) url.searchParams.append(name, value);
  return url.toString();
}

function decide(record: RequestTokenRecord, approve: boolean, grants: readonly string[], context: ProviderContext): ProviderReply {
  const oob = record.callback === 'oob';
  if (!approve) {
    record.decision = 'denied';
    record.verifier = undefined;
    context.store.changed();
    if (oob) return reply(200, HTML, deniedPage());
    return reply(302, HTML, '', { location: withQuery(record.callback, context.dialect.deniedCallback(record.token)) });
  }
  record.decision = 'approved';
  record.verifier = newVerifier(oob);
  record.grantedScopes = grants.length > 0 ? record.scopes.filter((s) => grants.includes(s)) : record.scopes;
  context.store.changed();
  if (oob) return reply(200, HTML, verifierPage(record.verifier));
  const location = withQuery(record.callback, [
    ['oauth_token', record.token],
    ['oauth_verifier', record.verifier],
  ]);
  return reply(302, HTML, '', { location });
}

/**
 * GET|POST /oauth/authorize (RFC 5849 §2.2). Without a decision it shows the
 * approval page; `action=approve|deny` (or autoApprove) decides at once;
 * `grant=read` (repeatable or comma-separated) narrows the scopes granted.
 */
export function handleAuthorize(request: ProviderRequest, context: ProviderContext): ProviderReply {
  const params = authorizeParameters(request);
  const value = (name: string) => params.find(([n]) => n === name)?.[1];
  const refuse = (failure: Failure) => context.refuseAuthorize(failure, request);
  const refused = userRefused(request, context);
  if (refused) return refuse(refused);
  const action = value('action') ?? (context.settings.autoApprove ? 'approve' : undefined);
  if (action !== undefined && action !== 'approve' && action !== 'deny') {
    return refuse(fail('parameter_rejected', { parameters: [['oauth_parameters_rejected', `action=${percentEncode(action)}`]], advice: 'action must be approve or deny.' }));
  }
  const isVisit = request.method === 'GET';
  const record = checkToken(value('oauth_token'), isVisit, context);
  if ('problem' in record) return refuse(record);
  if (isVisit && !record.authorizeVisited) {
    record.authorizeVisited = true;
    context.store.changed();
  }
  if (action === undefined) return reply(200, HTML, approvalPage({ token: record.token, consumerKey: record.consumerKey, scopes: record.scopes }));
  const grants = params.filter(([n]) => n === 'grant').flatMap(([, v]) => v.split(/[\s,]+/).filter(Boolean));
  return decide(record, action === 'approve', grants, context);
}

/** Constant-time comparison of a verifier (RFC 5849 §2.3 MUST verify it). */
export function verifierMatches(expected: string | undefined, received: string): boolean {
  if (expected === undefined) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
