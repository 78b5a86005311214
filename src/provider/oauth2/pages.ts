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

export function loginPage(uid: string, clientId: string, account: string): string {
  return page(
    'Sign in to the oauth-doctor test provider',
    `<p>Client <strong>${escapeHtml(clientId)}</strong> asks you to sign in. Any password is accepted; the only account is <code>${escapeHtml(account)}</code>.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<p><label>Account <input name="login" value="${escapeHtml(account)}" autocomplete="username"></label></p>
<p><label>Password <input name="password" type="password" autocomplete="current-password"></label></p>
<p><button type="submit" autofocus>Sign in</button></p>
</form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort"><button type="submit">Cancel</button></form>`,
  );
}

export function consentPage(uid: string, clientId: string, scopes: readonly string[]): string {
  const list = scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('');
  return page(
    'Allow access?',
    `<p>Client <strong>${escapeHtml(clientId)}</strong> asks for:</p><ul>${list || '<li>(no new scope)</li>'}</ul>
<form method="post" action="/interaction/${escapeHtml(uid)}/confirm" style="display:inline"><button type="submit" autofocus>Allow</button></form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort" style="display:inline"><button type="submit">Deny</button></form>`,
  );
}

/** RFC 8628 §3.3: the page where the user types the code shown on the device. */
export function deviceInputSource(ctx: KoaContextWithOIDC, form: string, _out?: ErrorOut, error?: Error): void {
  const message = error ? '<p><strong>That code is not valid (wrong, used or expired). Try again.</strong></p>' : '<p>Enter the code shown on your device.</p>';
  // `form` is the engine's own markup (a hidden xsrf field and the user_code input).
  ctx.body = page('Connect a device', `${message}\n${form}\n<p><button type="submit" form="op.deviceInputForm">Continue</button></p>`);
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
