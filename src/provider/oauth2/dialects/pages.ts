// What a person's browser gets when the authorization request names a
// redirect_uri the client never registered: the provider cannot redirect
// (RFC 6749 §4.1.2.1), so it shows its own error page — or, at GitHub,
// redirects to the callback URL that *is* registered, with the error in it.
import { escapeHtml } from '../../../html/escape.js';
import { htmlPage } from '../../pages/html.js';
import type { PageAnswer, PageRowLike as PageRow } from './types.js';

const HTML = 'text/html; charset=utf-8';

function page(status: number, title: string, paragraphs: readonly string[]): PageAnswer {
  return { status, contentType: HTML, body: htmlPage(title, `<h1>${escapeHtml(title)}</h1>\n${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}`) };
}

export const GOOGLE_PAGES: readonly PageRow[] = [
  {
    causes: ['authorize-redirect-unregistered'],
    answer: (f) =>
      page(400, 'Access blocked: This app’s request is invalid', [
        'You can’t sign in because this app sent an invalid request. You can try again later, or contact the developer about this issue.',
        'If you are a developer of this app, see error details.',
        'Error 400: redirect_uri_mismatch',
        `Request details: redirect_uri=${f.redirectUri}`,
      ]),
    source: 'https://developers.google.com/identity/protocols/oauth2/web-server#authorization-errors-redirect-uri-mismatch',
    basis: 'documented',
  },
];

export const ENTRA_PAGES: readonly PageRow[] = [
  {
    causes: ['authorize-redirect-unregistered'],
    answer: (f) =>
      page(400, 'Sorry, but we’re having trouble signing you in.', [
        `AADSTS50011: The redirect URI '${f.redirectUri}' specified in the request does not match the redirect URIs configured for the application '${f.clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`,
      ]),
    source: 'https://github.com/microsoft/CSS-Exchange/issues/1550',
    basis: 'observed',
  },
];

export const KEYCLOAK_PAGES: readonly PageRow[] = [
  { causes: ['authorize-redirect-unregistered'], answer: () => page(400, 'We are sorry...', ['Invalid parameter: redirect_uri']), source: 'https://github.com/joergstreeck/freshplan-sales-tool/blob/main/docs/claude-work/daily-work/2025-07-16/2025-07-16_FIX_keycloak-redirect-uri.md', basis: 'observed' },
];

export const AUTH0_PAGES: readonly PageRow[] = [
  {
    causes: ['authorize-redirect-unregistered'],
    answer: () => page(400, 'Callback URL mismatch.', ['The provided redirect_uri is not in the list of allowed callback URLs.', 'Please go to the Application Settings page and make sure you are sending a valid callback url from your application.']),
    source: 'https://auth0.com/docs/troubleshoot/authentication-issues',
    basis: 'inferred',
  },
];

export const GITHUB_PAGES: readonly PageRow[] = [
  {
    causes: ['authorize-redirect-unregistered'],
    answer: (f) => {
      const to = new URL(f.registeredRedirectUri ?? f.redirectUri);
      for (const [name, value] of [
        ['error', 'redirect_uri_mismatch'],
        ['error_description', 'The redirect_uri MUST match the registered callback URL for this application.'],
        ['error_uri', 'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/#redirect-uri-mismatch'],
        ...(f.state ? [['state', f.state]] : []),
      ] as const) to.searchParams.append(name, value);
      return { status: 302, location: to.toString() };
    },
    source: 'https://github.com/librariesio/libraries.io/issues/2256',
    basis: 'observed',
  },
];
