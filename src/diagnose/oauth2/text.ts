import type { Text } from '../../knowledge/types.js';
import type { Lang } from '../lang.js';
import { fill } from '../text.js';

/** The sentences diagnoseOAuth2 writes as evidence, English and Japanese side by side (data, STYLE habit 3). */
const OAUTH2_EVIDENCE_TEXT = {
  codeUsedBefore: {
    en: 'This authorization code was presented before, {count} time(s), first {ago} earlier (reuse ledger): a code is single-use (RFC 6749 §4.1.2).',
    ja: 'この認可コードは以前に {count} 回提示されています（最初は {ago} 前、再使用の記録による）。認可コードは一回限りです（RFC 6749 §4.1.2）。',
  },
  noCodeInGrant: {
    en: 'This request carried no authorization code (grant_type={grant}): redirect_uri and the PKCE verifier are not checked on it.',
    ja: 'この要求は認可コードを含みません（grant_type={grant}）。redirect_uri と PKCE の検証子はこの要求では照合されません。',
  },
  codeFirstUse: {
    en: 'The reuse ledger has no earlier use of this code: this was its first exchange.',
    ja: '再使用の記録にこのコードの以前の使用はありません。今回が最初の交換です。',
  },
  codeAgeOver: {
    en: 'The code was {age} old when exchanged; the provider\'s codes live {lifetime} ({source}).',
    ja: 'コードは交換時に発行から {age} 経っていました。このプロバイダのコードの寿命は {lifetime} です（{source}）。',
  },
  codeAgeUnder: {
    en: 'The code was exchanged {age} after it arrived, well inside its lifetime of {lifetime} ({source}).',
    ja: 'コードは届いてから {age} で交換されており、寿命 {lifetime} の範囲内です（{source}）。',
  },
  codeAgeNear: {
    en: 'The code was {age} old when exchanged, close to its lifetime of {lifetime} ({source}).',
    ja: 'コードは交換時に発行から {age} 経っており、寿命 {lifetime} に近い値です（{source}）。',
  },
  lifetimeProvider: { en: 'as known for this provider', ja: 'このプロバイダの既知の値' },
  lifetimeRfc: { en: 'RFC 6749 §4.1.2 recommends at most 10 minutes; the provider\'s own is not known', ja: 'RFC 6749 §4.1.2 の推奨上限 10 分。プロバイダ自身の値は不明' },
  redirectDiffers: {
    en: 'redirect_uri differs between the legs: authorize sent {authorize}, the token request sent {token} (differs from character {index}; RFC 6749 §4.1.3).',
    ja: 'redirect_uri がレッグ間で異なります。認可では {authorize}、トークン要求では {token} を送りました（{index} 文字目から違います。RFC 6749 §4.1.3）。',
  },
  redirectMissing: {
    en: 'The authorize leg sent redirect_uri {authorize} but the token request sent none (RFC 6749 §4.1.3 requires it when the authorization request had one).',
    ja: '認可では redirect_uri {authorize} を送りましたが、トークン要求では送っていません（認可要求にあった場合、RFC 6749 §4.1.3 はトークン要求にも必須としています）。',
  },
  redirectSame: {
    en: 'The same redirect_uri was sent to the authorize and token legs ({uri}).',
    ja: '認可とトークン要求に同じ redirect_uri（{uri}）を送っています。',
  },
  pkceMismatch: {
    en: 'The code_verifier sent works out to challenge {computed} ({method}), but the authorize leg sent {sent} (RFC 7636 §4.6).',
    ja: '送った code_verifier から計算される challenge は {computed}（{method}）ですが、認可で送ったのは {sent} です（RFC 7636 §4.6）。',
  },
  pkceMissing: {
    en: 'The authorize leg sent a code_challenge ({method}) but the token request sent no code_verifier (RFC 7636 §4.5): the verifier was lost between the legs.',
    ja: '認可では code_challenge（{method}）を送りましたが、トークン要求に code_verifier がありません（RFC 7636 §4.5）。二つのレッグの間で verifier が失われています。',
  },
  pkceMatches: {
    en: 'Checked here: the code_verifier sent matches the code_challenge sent ({method}, RFC 7636 §4.6).',
    ja: 'ここで確認済み: 送った code_verifier は送った code_challenge と一致します（{method}、RFC 7636 §4.6）。',
  },
  pkceUnasked: {
    en: 'A code_verifier was sent, but the authorize leg sent no code_challenge: a server that did not bind the code to PKCE may refuse it.',
    ja: 'code_verifier を送りましたが、認可では code_challenge を送っていません。コードを PKCE に結び付けていないサーバは拒否することがあります。',
  },
  refreshReplayed: {
    en: 'This refresh token was used {count} time(s) before, first {ago} earlier, and was rotated then: this is a replay of a superseded token (RFC 9700 §4.14.2).',
    ja: 'このリフレッシュ・トークンは以前に {count} 回使われ（最初は {ago} 前）、その時にローテーションされています。置き換え済みトークンの再使用です（RFC 9700 §4.14.2）。',
  },
  refreshUsedBefore: {
    en: 'This refresh token was used {count} time(s) before, first {ago} earlier, without rotation being recorded.',
    ja: 'このリフレッシュ・トークンは以前に {count} 回使われています（最初は {ago} 前）。ローテーションの記録はありません。',
  },
  familyRevoked: {
    en: 'A superseded refresh token of this token\'s family was replayed {ago} earlier: reuse detection revoked the family, this newest token included (RFC 9700 §4.14.2).',
    ja: 'このトークンと同じ系列の置き換え済みリフレッシュ・トークンが {ago} 前に再使用されています。再使用の検知で系列全体が取り消され、この最新のトークンも含まれます（RFC 9700 §4.14.2）。',
  },
  refreshFirstUse: {
    en: 'The reuse ledger has no earlier use of this refresh token and no replay in its family.',
    ja: '再使用の記録に、このリフレッシュ・トークンの以前の使用も、同じ系列での再使用もありません。',
  },
  refreshTwiceInSession: {
    en: 'This session presented the same refresh token twice ({gap} apart): two refreshes racing.',
    ja: 'このセッションは同じリフレッシュ・トークンを二回提示しています（間隔 {gap}）。更新の競合です。',
  },
  revokedHere: {
    en: 'oauth-doctor revoked this token itself {ago} earlier (RFC 7009).',
    ja: 'このトークンは {ago} 前に oauth-doctor 自身が取り消しています（RFC 7009）。',
  },
  authMethodUnsupported: {
    en: 'The client authenticated with {used}, which the metadata does not list (token_endpoint_auth_methods_supported: {supported}).',
    ja: 'クライアントは {used} で認証しましたが、メタデータに記載がありません（token_endpoint_auth_methods_supported: {supported}）。',
  },
  authMethodListed: {
    en: 'The client authenticated with {used}, which the metadata lists.',
    ja: 'クライアントは {used} で認証しており、メタデータに記載されています。',
  },
  assertionFuture: {
    en: 'The client assertion\'s iat is {seconds} s ahead of the server\'s clock (measured offset {offset} s): the server reads it as not active yet (RFC 7523 §3).',
    ja: 'クライアント・アサーションの iat はサーバの時計より {seconds} 秒先です（測定したずれ {offset} 秒）。サーバはまだ有効でないと判断します（RFC 7523 §3）。',
  },
  assertionExpired: {
    en: 'By the server\'s clock the client assertion had expired {seconds} s before it arrived (measured offset {offset} s, RFC 7523 §3).',
    ja: 'サーバの時計では、クライアント・アサーションは届く {seconds} 秒前に期限切れでした（測定したずれ {offset} 秒、RFC 7523 §3）。',
  },
  assertionTimesFine: {
    en: 'The client assertion\'s iat and exp are within the server\'s clock (offset {offset} s).',
    ja: 'クライアント・アサーションの iat と exp はサーバの時計で有効な範囲です（ずれ {offset} 秒）。',
  },
  assertionAudience: {
    en: 'The client assertion\'s aud is {aud}, neither the issuer ({issuer}) nor the token endpoint ({endpoint}) (RFC 7523 §3, RFC 9126 §2).',
    ja: 'クライアント・アサーションの aud は {aud} で、発行者（{issuer}）でもトークン・エンドポイント（{endpoint}）でもありません（RFC 7523 §3、RFC 9126 §2）。',
  },
  clockOff: {
    en: 'The server\'s clock is {seconds} s {direction} ours (from its Date header).',
    ja: 'サーバの時計はこちらより {seconds} 秒{direction}（Date ヘッダによる）。',
  },
  ahead: { en: 'ahead of', ja: '進んでいます' },
  behind: { en: 'behind', ja: '遅れています' },
  clockAgrees: {
    en: 'The server\'s clock agrees with ours (±{seconds} s, from its Date header).',
    ja: 'サーバの時計はこちらと一致しています（±{seconds} 秒、Date ヘッダによる）。',
  },
  scopeMissing: {
    en: 'Asked for scope "{asked}", granted "{granted}": {missing} not granted (RFC 6749 §3.3 lets the server grant less).',
    ja: 'スコープ「{asked}」を要求し、「{granted}」が付与されました。{missing} は付与されていません（RFC 6749 §3.3 はサーバが少なく付与することを認めています）。',
  },
  scopeGranted: {
    en: 'Every scope asked for was granted ("{granted}").',
    ja: '要求したスコープはすべて付与されています（「{granted}」）。',
  },
  stateDiffers: {
    en: 'The state that came back ({back}) is not the one sent ({sent}) (RFC 6749 §10.12).',
    ja: '戻ってきた state（{back}）は送ったもの（{sent}）と違います（RFC 6749 §10.12）。',
  },
  stateMissing: {
    en: 'A state was sent but none came back (RFC 6749 §4.1.2 requires it returned unchanged).',
    ja: 'state を送りましたが、戻ってきませんでした（RFC 6749 §4.1.2 はそのまま返すことを求めます）。',
  },
  stateSame: {
    en: 'The state came back unchanged.',
    ja: 'state は変わらずに戻ってきました。',
  },
  consentDenied: {
    en: 'The authorization redirect came back with error={error} (RFC 6749 §4.1.2.1).',
    ja: '認可のリダイレクトは error={error} で戻りました（RFC 6749 §4.1.2.1）。',
  },
  pollTooFast: {
    en: 'The token endpoint was polled every {gap} on average, faster than the interval of {interval} s the server asked for (RFC 8628 §3.5: after slow_down add 5 s).',
    ja: 'トークン・エンドポイントを平均 {gap} ごとにポーリングしており、サーバが求めた間隔 {interval} 秒より速いです（RFC 8628 §3.5: slow_down の後は 5 秒延ばします）。',
  },
  pollPaced: {
    en: 'Polls were {gap} apart on average, no faster than the interval of {interval} s: the server itself is throttling.',
    ja: 'ポーリング間隔は平均 {gap} で、間隔 {interval} 秒より速くありません。サーバ側が絞っています。',
  },
  deviceExpired: {
    en: 'The device code was {age} old, past its expires_in of {lifetime} (RFC 8628 §3.2).',
    ja: 'デバイス・コードは発行から {age} 経っており、expires_in の {lifetime} を過ぎています（RFC 8628 §3.2）。',
  },
  devicePending: {
    en: 'The person has not finished at the verification URI yet ({age} after the code was issued); keep polling at the interval (RFC 8628 §3.5).',
    ja: '利用者は検証 URI での操作をまだ終えていません（コード発行から {age}）。間隔を守ってポーリングを続けます（RFC 8628 §3.5）。',
  },
  oauth2Request: {
    en: 'The request was OAuth 2.0.',
    ja: 'リクエストは OAuth 2.0 でした。',
  },
  noOpenidScope: {
    en: 'The authorization request asked for {scope}, without openid, of an OpenID Connect provider (its metadata lists openid): a server that grants no scope then (oidc-provider, for one) answers a bare access_denied with nobody refusing. Ask for openid (--scope openid …).',
    ja: '認可リクエストは OpenID Connect プロバイダ（メタデータに openid がある）に openid なしで {scope} を要求しました。付与できるスコープがないとき、誰も拒否していなくても素の access_denied を返すサーバがあります（oidc-provider など）。openid を要求してください（--scope openid …）。',
  },
  noScopeAsked: { en: 'no scope', ja: 'スコープなし' },
  nobodyAtPage: {
    en: 'No person was at the authorization page (--authorize http followed the redirects): a refusal came from the server or its policy, not from someone pressing Deny.',
    ja: '認可ページに利用者はいませんでした（--authorize http がリダイレクトをたどりました）。拒否は「拒否」ボタンではなく、サーバかそのポリシーによるものです。',
  },
  authorizeRefusedItself: {
    en: 'The authorization endpoint answered {status} itself instead of redirecting back: RFC 6749 §4.1.2.1 has it do so when the redirect_uri ({uri}) is not one registered for the client (compare scheme, host, port, path and trailing slash) or the client_id is unknown.',
    ja: '認可エンドポイントはリダイレクトせずに自ら {status} を返しました。RFC 6749 §4.1.2.1 では、redirect_uri（{uri}）がクライアントに登録されたものでない（スキーム、ホスト、ポート、パス、末尾のスラッシュを比べる）か、client_id が未知のときにそうします。',
  },
  authorizeClientId: {
    en: 'The same page is shown for a client_id the server does not know ({client}).',
    ja: 'サーバが知らない client_id（{client}）でも同じページになります。',
  },
  authorizeNoSecret: {
    en: 'No client secret or assertion is sent to the authorization endpoint: only the client_id can be wrong there.',
    ja: '認可エンドポイントにはクライアント・シークレットもアサーションも送られません。そこで誤りうるのは client_id だけです。',
  },
  authorizeNotAPage: {
    en: 'An error status ({status}), not a login or consent page: nobody could have approved here.',
    ja: 'ログインや同意のページではなくエラーのステータス（{status}）です。ここでは誰も承認できません。',
  },
  issMismatch: {
    en: 'The callback\'s iss ({iss}) is not the issuer ({issuer}) (RFC 9207 §2.4).',
    ja: 'コールバックの iss（{iss}）が発行者（{issuer}）と違います（RFC 9207 §2.4）。',
  },
} satisfies Record<string, Text>;

export type OAuth2EvidenceKey = keyof typeof OAUTH2_EVIDENCE_TEXT;

export function sayOAuth2(key: OAuth2EvidenceKey, lang: Lang, values?: Readonly<Record<string, string | number>>): string {
  return fill(OAUTH2_EVIDENCE_TEXT[key][lang], values);
}
