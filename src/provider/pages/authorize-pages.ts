import { escapeHtml } from '../../html/escape.js';
import { htmlPage } from './html.js';

export interface ApprovalPageInput {
  readonly token: string;
  readonly consumerKey: string;
  readonly scopes: readonly string[];
}

/** The page a person sees: who asks, for what, and two buttons (POST back to the same endpoint). */
export function approvalPage(input: ApprovalPageInput): string {
  const token = escapeHtml(input.token);
  const scopes = input.scopes.map((s) => `<li><label><input type="checkbox" name="grant" value="${escapeHtml(s)}" checked> ${escapeHtml(s)}</label></li>`).join('');
  const body = `<h1>Authorise access</h1>
<p>The application <strong>${escapeHtml(input.consumerKey)}</strong> asks to use your account on this oauth-doctor test provider.</p>
<form method="post" action="/oauth/authorize">
<input type="hidden" name="oauth_token" value="${token}">
${scopes ? `<ul>${scopes}</ul>` : ''}
<button type="submit" name="action" value="approve">Authorise app</button>
<button type="submit" name="action" value="deny">Cancel</button>
</form>`;
  return htmlPage('Authorise access', body);
}

/** For `oob`: the verifier to type into the application (RFC 5849 §2.2). */
export function verifierPage(verifier: string): string {
  const body = `<h1>Access granted</h1>
<p>Enter this PIN in the application to complete authorisation:</p>
<p><code id="oauth_verifier">${escapeHtml(verifier)}</code></p>`;
  return htmlPage('Access granted', body);
}

export function deniedPage(): string {
  return htmlPage('Access denied', '<h1>Access denied</h1>\n<p>You did not authorise the application. You can close this page.</p>');
}

/** An authorise-step error for a person, with the problem code for scripts and people who debug. */
export function problemPage(problem: string, advice: string): string {
  return htmlPage('Authorisation failed', `<h1>Authorisation failed</h1>\n<p><code>oauth_problem=${escapeHtml(problem)}</code></p>\n<p>${escapeHtml(advice)}</p>`);
}

export function outagePage(status: number): string {
  const title = status === 503 ? 'Service Unavailable' : status === 502 ? 'Bad Gateway' : 'Internal Server Error';
  return htmlPage(`${status} ${title}`, `<h1>${status} ${title}</h1>\n<p>The service is temporarily unavailable. Please try again later.</p>`);
}
