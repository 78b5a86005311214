import { parseForm, parseQuery } from '../../oauth/form.js';
import type { ProviderContext } from '../context.js';
import { ADMIN_MAX_ADDRESS_CHARS, ADMIN_MAX_REFUSED_ADDRESSES, ADMIN_REFUSAL_TEXT, adminRefusal } from './admin-guard.js';
import { JSON_TYPE, reply, type ProviderReply, type ProviderRequest } from '../http-types.js';
import { isDialectName, type ConsumerStatus } from '../options.js';
import type { ProviderState } from '../state.js';

/**
 * State for tests and people who debug, without secrets: consumer secrets,
 * token secrets, verifiers and session handles are left out (tokens are identifiers here,
 * needed to revoke one).
 */
export function publicState(state: ProviderState): unknown {
  return {
    consumers: state.consumers.map(({ key, status, callbacks, oobOnly, generated, publicKey }) => ({ key, status, callbacks, oobOnly, generated, rsa: Boolean(publicKey) })),
    requestTokens: state.requestTokens.map(({ secret: _secret, verifier: _verifier, ...rest }) => rest),
    accessTokens: state.accessTokens.map(({ secret: _secret, sessionHandle: _handle, ...rest }) => rest),
    sessions: state.sessions.map(({ handle: _handle, ...rest }) => rest),
    refusedAddresses: state.refusedAddresses,
  };
}

/** Revokes a request token, an access token or a session handle. Returns which kind it was. */
export function revoke(value: string, context: ProviderContext): 'request-token' | 'access-token' | 'session' | undefined {
  const { store } = context;
  const requestToken = store.requestToken(value);
  const accessToken = store.accessToken(value);
  const session = store.session(value);
  const target = requestToken ?? accessToken ?? session;
  if (!target) return undefined;
  store.revoke(target, context.now());
  return requestToken ? 'request-token' : accessToken ? 'access-token' : 'session';
}

/** Makes a token expire now (without waiting for its lifetime). */
export function expire(value: string, context: ProviderContext): boolean {
  const target = context.store.requestToken(value) ?? context.store.accessToken(value) ?? context.store.session(value);
  if (!target) return false;
  target.expiresAt = context.now() - 1;
  context.store.changed();
  return true;
}

export function setConsumerStatus(key: string, status: ConsumerStatus, context: ProviderContext): boolean {
  const consumer = context.store.consumer(key);
  if (!consumer) return false;
  consumer.status = status;
  context.store.changed();
  return true;
}

const json = (status: number, value: unknown) => reply(status, JSON_TYPE, JSON.stringify(value));
const CONSUMER_STATUSES: readonly string[] = ['active', 'rejected', 'throttled'];

type AdminAction = (form: (name: string) => string | undefined, context: ProviderContext) => ProviderReply;

function applySettings(form: (name: string) => string | undefined, context: ProviderContext): ProviderReply {
  const s = context.settings;
  const dialect = form('dialect');
  if (dialect !== undefined) {
    if (!isDialectName(dialect)) return json(400, { error: `unknown dialect ${dialect}` });
    s.dialect = dialect;
  }
  const number = (name: string) => (form(name) === undefined ? undefined : Number(form(name)));
  const skew = number('clockSkewSec');
  if (skew !== undefined && Number.isFinite(skew)) s.clockSkewSec = skew;
  const slow = number('slowMs');
  if (slow !== undefined && Number.isFinite(slow) && slow >= 0) s.slowMs = slow;
  const outage = form('outage');
  if (outage !== undefined) s.outage = outage === 'off' || outage === '' ? undefined : { status: outage === '500' ? 500 : outage === '502' ? 502 : 503 };
  const flag = (name: string) => (form(name) === undefined ? undefined : form(name) === 'true');
  s.autoApprove = flag('autoApprove') ?? s.autoApprove;
  s.renewable = flag('renewable') ?? s.renewable;
  s.authorizeMarksTokenUsed = flag('authorizeMarksTokenUsed') ?? s.authorizeMarksTokenUsed;
  return json(200, { settings: { ...s } });
}

/** The admin endpoints, by path (POST with a form body; GET /admin/state). */
const ADMIN_ACTIONS: Record<string, AdminAction> = {
  '/admin/revoke': (form, context) => {
    const kind = revoke(form('token') ?? '', context);
    return kind ? json(200, { revoked: kind }) : json(404, { error: 'no such token' });
  },
  '/admin/expire': (form, context) => (expire(form('token') ?? '', context) ? json(200, { expired: true }) : json(404, { error: 'no such token' })),
  '/admin/consumer': (form, context) => {
    const status = form('status') ?? '';
    if (!CONSUMER_STATUSES.includes(status)) return json(400, { error: 'status must be active, rejected or throttled' });
    return setConsumerStatus(form('key') ?? '', status as ConsumerStatus, context) ? json(200, { key: form('key'), status }) : json(404, { error: 'no such consumer' });
  },
  '/admin/refuse-address': (form, context) => {
    const address = form('address') ?? '';
    if (address.length === 0 || address.length > ADMIN_MAX_ADDRESS_CHARS) return json(400, { error: `address must be 1 to ${ADMIN_MAX_ADDRESS_CHARS} characters` });
    const refused = form('refused') !== 'false';
    if (refused && !context.store.isAddressRefused(address) && context.store.refusedAddressCount() >= ADMIN_MAX_REFUSED_ADDRESSES) return json(409, { error: `at most ${ADMIN_MAX_REFUSED_ADDRESSES} addresses can be refused; lift one first` });
    context.store.setAddressRefused(address, refused);
    return json(200, { address, refused: form('refused') !== 'false' });
  },
  '/admin/settings': applySettings,
};

/** /admin/*: loopback clients only, whatever address the provider listens on. */
export function handleAdmin(path: string, request: ProviderRequest, context: ProviderContext): ProviderReply {
  const refusal = adminRefusal(request);
  if (refusal) return json(ADMIN_REFUSAL_TEXT[refusal].status, { error: ADMIN_REFUSAL_TEXT[refusal].error, code: refusal });
  if (path === '/admin/state') return request.method === 'GET' ? json(200, publicState(context.store.snapshot())) : json(405, { error: 'use GET' });
  const action = ADMIN_ACTIONS[path];
  if (!action) return json(404, { error: 'no such admin endpoint' });
  if (request.method !== 'POST') return json(405, { error: 'use POST' });
  const pairs = [...parseQuery(new URL(request.target, 'http://x').search), ...parseForm(request.body.toString('utf8'))];
  return action((name) => pairs.find(([n]) => n === name)?.[1], context);
}

