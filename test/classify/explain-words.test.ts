import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

interface Doc {
  problem: { code: string; providerCode: string | null; provider: string | null; confidence: string; message: string | null; asSent: string | null; classified: { row: string; concept: string; lang: string; words: string[] } | null };
  causes: { id: string; likelihood: string; evidence: string[] }[];
  notes: string[];
}

async function explain(args: readonly string[], input?: string): Promise<Doc> {
  const r = await runInProcess(['explain', ...args, '--json'], input === undefined ? {} : { input });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Doc;
}

interface Case {
  readonly text: string;
  readonly code: string;
  /** A cause that must be among the first two. */
  readonly cause: string;
  readonly concept?: string;
  readonly lang?: string;
  readonly status?: string;
}

/** Free text with no code: each concept, in the words providers use (issue #12 §2). */
const CASES: readonly Case[] = [
  // signature
  { text: 'Verification of signature failed (signature base string was GET&https%3A%2F%2Fapi.example.com%2F)', code: 'signature_invalid', cause: 'signature-base-mismatch', concept: 'signature' },
  { text: 'The OAuth signature was invalid.', code: 'signature_invalid', cause: 'wrong-secret', concept: 'signature' },
  { text: 'Error: InvalidOAuthSignature', code: 'signature_invalid', cause: 'signature-base-mismatch', concept: 'signature' },
  { text: 'Signatures do not match', code: 'signature_invalid', cause: 'signature-base-mismatch', concept: 'signature' },
  { text: 'oauth_signature mismatch', code: 'signature_invalid', cause: 'signature-base-mismatch', concept: 'signature' },
  { text: 'OAuth error: please check your key and secret', code: 'signature_invalid', cause: 'wrong-secret', concept: 'key-and-secret' },
  { text: 'Unsupported signature method: PLAINTEXT', code: 'signature_method_rejected', cause: 'wrong-signature-method', concept: 'signature-method' },
  // consumer key
  { text: 'ConsumerKey is invalid', code: 'consumer_key_unknown', cause: 'unknown-consumer', concept: 'consumer-key' },
  { text: 'ClientID not provisioned', code: 'consumer_key_unknown', cause: 'unknown-consumer', concept: 'consumer-key' },
  { text: 'Consumer key not found', code: 'consumer_key_unknown', cause: 'unknown-consumer', concept: 'consumer-key' },
  { text: 'Consumer key has expired', code: 'consumer_key_rejected', cause: 'app-suspended', concept: 'consumer-key' },
  { text: 'The consumer key was revoked', code: 'consumer_key_rejected', cause: 'app-suspended', concept: 'consumer-key' },
  { text: 'This API key has been disabled', code: 'consumer_key_rejected', cause: 'app-suspended', concept: 'consumer-key' },
  // token: with nothing of OAuth 1.0a's in the text (no oauth_* parameter, request token, consumer key), words about a token are
  // OAuth 2.0's RFC 6750 §3.1 invalid_token (read/protocol.ts); OAuth 1.0a's own words keep OAuth 1.0a's codes.
  { text: 'The access token has expired', code: 'oauth2:invalid_token', cause: 'expiry', concept: 'token' },
  { text: 'Tokens expired', code: 'oauth2:invalid_token', cause: 'expiry', concept: 'token' },
  { text: 'Token has been revoked by the user', code: 'oauth2:invalid_token', cause: 'revocation', concept: 'token' },
  { text: 'request token already used', code: 'token_used', cause: 'reuse', concept: 'token' },
  // A token used twice is a grant (a code or a rotated refresh token), refused as invalid_grant (RFC 6749 §5.2, §10.5).
  { text: 'This token was already redeemed', code: 'oauth2:invalid_grant', cause: 'reuse', concept: 'token' },
  { text: 'Token not valid', code: 'oauth2:invalid_token', cause: 'expiry', concept: 'token' },
  { text: 'oauth_token not found', code: 'token_rejected', cause: 'reuse', concept: 'token' },
  // verifier, timestamp, clock, nonce
  { text: 'Invalid oauth_verifier', code: 'verifier_invalid', cause: 'verifier-mismatch', concept: 'verifier' },
  { text: 'The PIN you entered is incorrect', code: 'verifier_invalid', cause: 'verifier-mismatch', concept: 'verifier' },
  { text: 'Timestamp is too far in the future', code: 'timestamp_refused', cause: 'clock-skew', concept: 'timestamp' },
  { text: 'oauth_timestamp outside the allowed window', code: 'timestamp_refused', cause: 'clock-skew', concept: 'timestamp' },
  { text: 'Your system clock is out of sync', code: 'timestamp_refused', cause: 'clock-skew', concept: 'clock' },
  { text: 'Nonce has already been used', code: 'nonce_used', cause: 'nonce-reuse', concept: 'nonce' },
  { text: 'duplicate oauth_nonce', code: 'nonce_used', cause: 'nonce-reuse', concept: 'nonce' },
  // callback
  { text: 'Callback URL does not match the registered one', code: 'parameter_rejected', cause: 'callback-not-approved', concept: 'callback' },
  { text: 'oauth_callback not whitelisted', code: 'parameter_rejected', cause: 'callback-not-approved', concept: 'callback' },
  // permission and access level
  { text: 'Read-only application cannot POST.', code: 'additional_authorization_required', cause: 'read-only-app', concept: 'permission' },
  { text: 'This application is read-only', code: 'additional_authorization_required', cause: 'read-only-app', concept: 'permission' },
  { text: 'This client is not permitted to use xAuth.', code: 'additional_authorization_required', cause: 'api-access-level', concept: 'permission' },
  { text: 'You currently have access to a subset of Twitter API v2 endpoints and limited v1.1 endpoints only', code: 'additional_authorization_required', cause: 'api-access-level', concept: 'permission' },
  { text: 'Your access level is too low for this endpoint', code: 'additional_authorization_required', cause: 'api-access-level', concept: 'permission' },
  { text: 'Insufficient scope for this action', code: 'oauth2:insufficient_scope', cause: 'insufficient-scope', concept: 'permission' },
  { text: 'You do not have permission to access this resource', code: 'additional_authorization_required', cause: 'insufficient-scope', concept: 'permission' },
  { text: 'The token lacks the write permissions needed', code: 'additional_authorization_required', cause: 'read-only-app', concept: 'permission' },
  // rate limit, outage
  { text: 'Rate limit exceeded', code: 'http:429', cause: 'rate-limited', concept: 'rate-limit' },
  { text: 'You are being throttled', code: 'http:429', cause: 'rate-limited', concept: 'rate-limit' },
  { text: 'Too many requests, slow down', code: 'http:429', cause: 'rate-limited', concept: 'rate-limit' },
  { text: 'Daily quota exceeded', code: 'http:429', cause: 'rate-limited', concept: 'rate-limit' },
  { text: 'The service is temporarily unavailable, try again later', code: 'http:5xx', cause: 'provider-outage', concept: 'outage' },
  // Japanese
  { text: '署名が一致しません', code: 'signature_invalid', cause: 'signature-base-mismatch', lang: 'ja' },
  { text: 'コンシューマキーが無効です', code: 'consumer_key_unknown', cause: 'unknown-consumer', lang: 'ja' },
  { text: 'アクセストークンの有効期限が切れています', code: 'oauth2:invalid_token', cause: 'expiry', lang: 'ja' },
  { text: 'このトークンは使用済みです', code: 'oauth2:invalid_token', cause: 'reuse', lang: 'ja' },
  { text: 'トークンが取り消されました', code: 'oauth2:invalid_token', cause: 'revocation', lang: 'ja' },
  { text: 'タイムスタンプが許容範囲外です', code: 'timestamp_refused', cause: 'clock-skew', lang: 'ja' },
  { text: 'nonce が重複しています', code: 'nonce_used', cause: 'nonce-reuse', lang: 'ja' },
  { text: 'コールバックURLが登録されていません', code: 'parameter_rejected', cause: 'callback-not-approved', lang: 'ja' },
  { text: 'このアプリは読み取り専用です', code: 'additional_authorization_required', cause: 'read-only-app', lang: 'ja' },
  { text: '権限が不足しています', code: 'additional_authorization_required', cause: 'insufficient-scope', lang: 'ja' },
  { text: 'レート制限を超えました', code: 'http:429', cause: 'rate-limited', lang: 'ja' },
  { text: 'ベリファイアが正しくありません', code: 'verifier_invalid', cause: 'verifier-mismatch', lang: 'ja' },
];

describe('explain reads free text by its words (the message classifier, issue #12)', () => {
  it.each(CASES)('$text', async (c) => {
    const doc = await explain(c.status === undefined ? [c.text] : [c.text, '--status', c.status]);
    expect(doc.problem.code).toBe(c.code);
    expect(doc.problem.confidence).toBe('heuristic');
    expect(doc.problem.classified).not.toBeNull();
    if (c.concept !== undefined) expect(doc.problem.classified?.concept).toBe(c.concept);
    expect(doc.problem.classified?.lang).toBe(c.lang ?? 'en');
    expect(doc.problem.classified?.words.length).toBeGreaterThan(0);
    expect(doc.causes.slice(0, 2).map((x) => x.id)).toContain(c.cause);
    // The words are named in the notes, and the message quoted is the provider's own words.
    expect(doc.notes.join(' ')).toMatch(/Read from the words/);
    expect(c.text.toLowerCase()).toContain((doc.problem.message ?? '').toLowerCase());
  });

  it('says the words in Japanese too, and names them in the text output', async () => {
    const r = await runInProcess(['explain', 'The OAuth signature was invalid.', '--lang', 'ja']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/語 "OAuth signature" \+ "invalid"（en）から読み取りました/);
  });
});

/** X's authorize page in the languages it is shown in (issue #12 §2). */
const X_PAGES: readonly [string, string, string][] = [
  ['es', 'El token de solicitud para esta página no es válido. Es posible que ya se haya utilizado o que haya caducado.', 'token_rejected'],
  ['es', 'No hay token de solicitud para esta página.', 'parameter_absent'],
  ['pt', 'O token de solicitação para esta página é inválido.', 'token_rejected'],
  ['pt', 'Não há token de solicitação para esta página.', 'parameter_absent'],
  ['fr', "Le jeton de requête pour cette page n'est pas valide.", 'token_rejected'],
  ['fr', "Il n'y a pas de jeton de requête pour cette page.", 'parameter_absent'],
  ['de', 'Das Request-Token für diese Seite ist ungültig.', 'token_rejected'],
  ['de', 'Für diese Seite gibt es kein Request-Token.', 'parameter_absent'],
  ['nl', 'De "request token" voor deze pagina is ongeldig. Deze kan mogelijk al gebruikt zijn of verlopen omdat deze te oud is.', 'token_rejected'],
  ['nl', 'Er is geen request token voor deze pagina.', 'parameter_absent'],
  ['it', 'Il token di richiesta per questa pagina non è valido.', 'token_rejected'],
  ['it', 'Non esiste un token di richiesta per questa pagina.', 'parameter_absent'],
  ['ko', '이 페이지의 요청 토큰이 유효하지 않습니다.', 'token_rejected'],
  ['ko', '이 페이지에 대한 요청 토큰이 없습니다.', 'parameter_absent'],
  ['zh', '此页面的请求令牌无效。', 'token_rejected'],
  ['zh', '此页面没有请求令牌。', 'parameter_absent'],
  ['ru', 'Токен запроса для этой страницы недействителен.', 'token_rejected'],
  ['ru', 'Для этой страницы нет токена запроса.', 'parameter_absent'],
  ['tr', 'Bu sayfa için istek belirteci geçersiz.', 'token_rejected'],
  ['tr', 'Bu sayfa için istek belirteci yok.', 'parameter_absent'],
];

describe("X's request-token pages in other languages", () => {
  it.each(X_PAGES)('%s: %s', async (lang, text, code) => {
    const page = `<html><head><title>Twitter / X</title></head><body><div class="message"><h2>Whoa!</h2><p>${text}</p></div></body></html>`;
    const doc = await explain(['-'], page);
    expect(doc.problem).toMatchObject({ code, provider: 'x', confidence: 'heuristic' });
    expect(doc.problem.providerCode).toBe(code === 'token_rejected' ? 'x:page:request-token-invalid' : 'x:page:no-request-token');
    expect(doc.problem.classified?.lang).toBe(lang);
    const top = doc.causes.slice(0, 2).map((c) => c.id);
    expect(top).toContain(code === 'token_rejected' ? 'reuse' : 'missing-parameter');
  });
});

describe('oauth_problem values that are not codes', () => {
  it('a typo is read as the code it nearly is, never exact, with "did you mean"', async () => {
    for (const [sent, code] of [['signatur_invalid', 'signature_invalid'], ['token-used', 'token_used'], ['TOKEN_EXPIRED', 'token_expired'], ['timestamp_refussed', 'timestamp_refused']] as const) {
      const doc = await explain([`oauth_problem=${sent}`]);
      expect(doc.problem).toMatchObject({ code, confidence: 'heuristic', asSent: sent });
      expect(doc.notes.join(' ')).toContain(`did you mean ${code}?`);
    }
  });

  it('free text inside the value is read by its words', async () => {
    const doc = await explain(['oauth_problem=The%20signature%20is%20invalid.%20Verify%20and%20try%20again.']);
    expect(doc.problem).toMatchObject({ code: 'signature_invalid', confidence: 'heuristic', asSent: 'The signature is invalid. Verify and try again.' });
    const expired = await explain(['WWW-Authenticate: OAuth oauth_problem="Consumer key has expired"'], undefined);
    expect(expired.problem).toMatchObject({ code: 'consumer_key_rejected', confidence: 'heuristic' });
  });

  it('a value far from every code stays as sent, heuristic', async () => {
    const doc = await explain(['oauth_problem=zqx_vbn']);
    expect(doc.problem).toMatchObject({ code: 'zqx_vbn', confidence: 'heuristic', asSent: null });
  });

  it('an unknown value on a 503 with "please wait before retrying" ranks rate-limited first', async () => {
    const doc = await explain(['-'], 'HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\noauth_problem=rate%20limit%20exceeded&oauth_problem_advice=please%20wait%20before%20retrying');
    expect(doc.problem.code).toBe('http:429');
    expect(doc.causes[0]).toMatchObject({ id: 'rate-limited', likelihood: 'likely' });
  });
});
