// The pages a person sees at `serve --oauth2`: login and consent (our own
// interaction), the device verification pages (RFC 8628 §3.3) and the error
// page, all self-contained (no external fonts), every value escaped.
import type { ErrorOut, KoaContextWithOIDC } from 'oidc-provider';
import { escapeHtml } from '../../html/escape.js';
import { htmlPage } from '../pages/html.js';

const BUTTONS = 'button{font-size:1rem;padding:.4rem 1.2rem;margin-right:.6rem}';

function page(title: string, body: string): string {
  return htmlPage(title, `<style>${BUTTONS}</style>\n<h1>${escapeHtml(title)}</h1>\n${body}`);
}

/** `tried`: the account a person typed that is not the demo one (the page is shown again, saying so). */
export function loginPage(uid: string, clientId: string, account: string, tried?: string): string {
  const retry = tried === undefined ? '' : `<p><strong>There is no account ${tried === '' ? 'without a name' : `<code>${escapeHtml(tried.slice(0, 80))}</code>`} here: the only account is <code>${escapeHtml(account)}</code>.</strong></p>\n`;
  return page(
    'Sign in to the oauth-doctor test provider',
    `${retry}<p>Client <strong>${escapeHtml(clientId)}</strong> asks you to sign in. Any password is accepted; the only account is <code>${escapeHtml(account)}</code>.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<p><label>Account <input name="login" value="${escapeHtml(account)}" autocomplete="username"></label></p>
<p><label>Password <input name="password" type="password" autocomplete="current-password"></label></p>
<p><button type="submit" autofocus>Sign in</button></p>
</form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort"><button type="submit">Cancel</button></form>`,
  );
}

/** What each scope lets the client do, in a person's words (OpenID Connect Core §5.4, §11; the provider's own API scopes). */
const SCOPE_MEANINGS: Readonly<Record<string, string>> = {
  openid: 'know who you are (your account id)',
  profile: 'see your name',
  email: 'see your email address',
  offline_access: 'keep access while you are away (a refresh token)',
  'api:read': 'read through this provider\'s API',
  'api:write': 'change things through this provider\'s API',
};

export function consentPage(uid: string, clientId: string, scopes: readonly string[]): string {
  const list = scopes.map((s) => `<li><code>${escapeHtml(s)}</code>${SCOPE_MEANINGS[s] ? `: ${escapeHtml(SCOPE_MEANINGS[s])}` : ''}</li>`).join('');
  return page(
    'Allow access?',
    `<p>Client <strong>${escapeHtml(clientId)}</strong> asks to:</p><ul>${list || '<li>(nothing new: you allowed all of it before)</li>'}</ul>
<form method="post" action="/interaction/${escapeHtml(uid)}/confirm" style="display:inline"><button type="submit" autofocus>Allow</button></form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort" style="display:inline"><button type="submit">Deny</button></form>`,
  );
}

/**
 * What the code page says after the engine re-renders it (oidc-provider 8
 * lib/helpers/re_render_errors.js, by class name): a person must be told
 * whether to retype the code or that the device has been refused.
 */
const DEVICE_PAGE_MESSAGES: Readonly<Record<string, string>> = {
  NoCodeError: 'Enter the code shown on your device.',
  NotFoundError: 'That code was not found: check it against the one on your device and try again.',
  ExpiredError: 'That code has expired: start again on your device to get a new one.',
  AlreadyUsedError: 'That code has already been used.',
  AbortedError: 'You aborted: the device is told access was denied (RFC 8628 §3.5 access_denied). You can close this page.',
};

/** Why the engine re-rendered the code page, for the ground truth: it emits no event for these (the code itself is never kept). */
export type DevicePageRefusal = (detail: string, errorName: string) => void;

/** RFC 8628 §3.3: the page where the user types the code shown on the device; `refused` hears each re-rendering's reason. */
export function deviceInputSource(refused: DevicePageRefusal = () => undefined) {
  return (ctx: KoaContextWithOIDC, form: string, _out?: ErrorOut, error?: Error): void => {
    if (error) refused(error.message, error.name);
    const text = error ? (DEVICE_PAGE_MESSAGES[error.name] ?? 'That code is not valid. Try again.') : 'Enter the code shown on your device.';
    const aborted = error?.name === 'AbortedError';
    // `form` is the engine's own markup (a hidden xsrf field and the user_code input).
    ctx.body = page(aborted ? 'Device refused' : 'Connect a device', `<p>${error && !aborted ? '<strong>' : ''}${escapeHtml(text)}${error && !aborted ? '</strong>' : ''}</p>\n${aborted ? '' : `${form}\n<p><button type="submit" form="op.deviceInputForm">Continue</button></p>`}`);
  };
}

export function deviceConfirmSource(ctx: KoaContextWithOIDC, form: string, client: { clientId: string }, _info: unknown, userCode: string): void {
  ctx.body = page(
    'Confirm the device',
    `<p>Client <strong>${escapeHtml(client.clientId)}</strong> on a device showing the code</p><p><code>${escapeHtml(userCode)}</code></p>
${form}
<p><button type="submit" form="op.deviceConfirmForm" autofocus>Continue</button><button type="submit" form="op.deviceConfirmForm" value="yes" name="abort">Abort</button></p>`,
  );
}

export function deviceSuccessSource(ctx: KoaContextWithOIDC): void {
  ctx.body = page('Device connected', '<p>You can close this page and go back to your device.</p>');
}

/** An error the engine cannot send back to the client's redirect URI (RFC 6749 §4.1.2.1: an invalid redirect_uri or client_id). */
export function errorPage(ctx: KoaContextWithOIDC, out: ErrorOut): void {
  ctx.type = 'html';
  ctx.body = page('Authorization failed', `<p><code>${escapeHtml(out.error)}</code></p><p>${escapeHtml(out.error_description ?? '')}</p>`);
}
