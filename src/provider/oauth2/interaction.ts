// Login and consent (OpenID Connect Core §3.1.2.3–4): the engine sends the
// browser to /interaction/UID, and this module answers with a page for a
// person, or finishes at once with --auto-approve. Consent denied (a fault
// switch, or the person's Deny) finishes with access_denied (RFC 6749 §4.1.2.1).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InteractionResults } from 'oidc-provider';
import { DEMO_ACCOUNT } from './config.js';
import { INTERACTION_PATH } from './routes.js';
import type { OidcProvider } from './engine.js';
import type { OAuth2Settings } from './options.js';
import { consentPage, loginPage } from './pages.js';

const DENIED: InteractionResults = { error: 'access_denied', error_description: 'End-User denied the authorization request' };

interface PromptDetails {
  missingOIDCScope?: string[];
  missingOIDCClaims?: string[];
  missingResourceScopes?: Record<string, string[]>;
}

async function consent(provider: OidcProvider, req: IncomingMessage, res: ServerResponse): Promise<InteractionResults> {
  const details = await provider.interactionDetails(req, res);
  const accountId = details.session?.accountId ?? DEMO_ACCOUNT.sub;
  const clientId = String(details.params['client_id'] ?? '');
  const grant = (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ?? new provider.Grant({ accountId, clientId });
  const missing = details.prompt.details as PromptDetails;
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
  return { consent: { grantId: await grant.save() } };
}

/** What finishing the current prompt means: login as the demo account, or consent to what is asked. */
async function approve(provider: OidcProvider, req: IncomingMessage, res: ServerResponse, settings: OAuth2Settings): Promise<InteractionResults> {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') return { login: { accountId: DEMO_ACCOUNT.sub } };
  if (settings.consentDenied) return DENIED;
  return consent(provider, req, res);
}

function html(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Answers a request under /interaction/; `form` is the parsed POST body. */
export async function interaction(provider: OidcProvider, req: IncomingMessage, res: ServerResponse, settings: OAuth2Settings, path: string, form: URLSearchParams): Promise<void> {
  const [uid = '', action = ''] = path.slice(INTERACTION_PATH.length).split('/');
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return html(res, 400, 'this interaction is not the one in progress');
  const clientId = String(details.params['client_id'] ?? '');
  if (req.method === 'GET' && action === '') {
    if (settings.autoApprove) return provider.interactionFinished(req, res, await approve(provider, req, res, settings), { mergeWithLastSubmission: true });
    if (details.prompt.name === 'login') return html(res, 200, loginPage(uid, clientId, DEMO_ACCOUNT.sub));
    const missing = details.prompt.details as PromptDetails;
    return html(res, 200, consentPage(uid, clientId, [...(missing.missingOIDCScope ?? []), ...Object.values(missing.missingResourceScopes ?? {}).flat()]));
  }
  if (req.method !== 'POST') return html(res, 405, 'method not allowed');
  if (action === 'abort') return provider.interactionFinished(req, res, DENIED, { mergeWithLastSubmission: false });
  if (action === 'login') {
    if (form.get('login') !== DEMO_ACCOUNT.sub) return html(res, 200, loginPage(uid, clientId, DEMO_ACCOUNT.sub, form.get('login') ?? ''));
    return provider.interactionFinished(req, res, { login: { accountId: DEMO_ACCOUNT.sub } }, { mergeWithLastSubmission: false });
  }
  if (action === 'confirm') {
    const result = settings.consentDenied ? DENIED : await consent(provider, req, res);
    return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
  }
  return html(res, 404, 'no such interaction step');
}
