import type { CauseRecord } from './types.js';

/**
 * What the authorization server requires of the authorization request itself
 * and the client left out: a PKCE code_challenge (RFC 7636 §4.4.1, RFC 9700
 * §2.1.1) or a pushed request (RFC 9126 §5). The refusal comes back to the
 * redirect URI as invalid_request, the same word as any other malformed
 * request; what tells them apart is what the client sent — which `flow`
 * knows, and a capture shows (diagnose/oauth2/authorization-request.ts).
 */
export const AUTHORIZATION_REQUEST_CAUSES: readonly CauseRecord[] = [
  {
    // RFC 7636 §4.4.1: a server that requires PKCE answers a request without code_challenge with invalid_request;
    // RFC 9700 §2.1.1: authorization servers MUST support PKCE and SHOULD enforce it (OAuth 2.1 requires it of every client).
    id: 'pkce-required',
    title: { en: 'No PKCE code_challenge was sent, and the server requires one', ja: 'PKCE の code_challenge を送っていないが、サーバは必須としている' },
    confirm: {
      en: 'Look at the authorization request (the URL the person was sent to, or the pushed request): without code_challenge and code_challenge_method a server that requires PKCE answers invalid_request, often "code challenge required" or "PKCE is required" (RFC 7636 §4.4.1). Public clients always need it; RFC 9700 §2.1.1 has servers enforce it for confidential clients too, and many (oidc-provider, Okta, Keycloak with its PKCE policy, X) do.',
      ja: '認可リクエスト（利用者を送った URL、または PAR で送った要求）を確認します。code_challenge と code_challenge_method がないと、PKCE を必須とするサーバは invalid_request を返し、"code challenge required" や "PKCE is required" と添えることがよくあります（RFC 7636 §4.4.1）。公開クライアントには常に必要で、RFC 9700 §2.1.1 は機密クライアントにも強制するよう求めており、多くのサーバ（oidc-provider、Okta、PKCE ポリシーを有効にした Keycloak、X）がそうしています。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Send PKCE with every authorization request: a fresh code_verifier (43-128 characters), code_challenge = BASE64URL(SHA-256(verifier)) with code_challenge_method=S256, and the verifier on the code exchange (RFC 7636 §4.1-§4.5); with oauth-doctor flow, drop --pkce off.', ja: 'すべての認可リクエストに PKCE を付けます。新しい code_verifier（43〜128 文字）、code_challenge = BASE64URL(SHA-256(verifier)) と code_challenge_method=S256、コード交換には verifier を送ります（RFC 7636 §4.1〜§4.5）。oauth-doctor flow なら --pkce off を外します。' } },
    ],
  },
  {
    // RFC 9126 §5: require_pushed_authorization_requests (server metadata) — "the authorization server accepts authorization
    // request data only via PAR"; §6 the same per client. A plain authorization request is refused (invalid_request).
    id: 'par-required',
    title: { en: 'The authorization request was not pushed (PAR), and the server requires it', ja: '認可リクエストを PAR で送っていないが、サーバは必須としている' },
    confirm: {
      en: 'Read the server\'s metadata: require_pushed_authorization_requests: true (RFC 9126 §5), or the client\'s registration (require_pushed_authorization_requests, §6), means it accepts authorization request data only through its pushed_authorization_request_endpoint; a request sent straight to the authorization endpoint is refused with invalid_request ("Pushed Authorization Request must be used").',
      ja: 'サーバのメタデータを確認します。require_pushed_authorization_requests: true（RFC 9126 §5）、またはクライアント登録の require_pushed_authorization_requests（§6）は、認可リクエストのデータを pushed_authorization_request_endpoint 経由でしか受け付けないという意味です。認可エンドポイントへ直接送ったリクエストは invalid_request（"Pushed Authorization Request must be used"）で拒否されます。',
    },
    fixes: [
      { for: 'developer', text: { en: 'POST the authorization request parameters to the pushed_authorization_request_endpoint with the client\'s authentication, then send the person to the authorization endpoint with only client_id and the request_uri it returned (RFC 9126 §2, §4); with oauth-doctor flow, drop --par never (auto pushes when the metadata requires it).', ja: '認可リクエストのパラメータをクライアント認証付きで pushed_authorization_request_endpoint に POST し、返された request_uri と client_id だけを付けて利用者を認可エンドポイントへ送ります（RFC 9126 §2、§4）。oauth-doctor flow なら --par never を外します（auto はメタデータが求めるとき PAR を使います）。' } },
    ],
  },
];
