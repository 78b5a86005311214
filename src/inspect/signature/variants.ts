import OAuthReference from 'oauth-1.0a';
import { formDecode, percentDecode, percentEncode } from '../../oauth/percent-encode.js';
import { isSignatureMethod, METHODS as SIGNATURE_METHOD_ROWS, SIGNATURE_METHODS, type HashName } from '../../oauth/methods.js';
import type { OAuthRequestView } from '../../exchange/request-view.js';
import { wireParameters, mediaType } from '../../exchange/request-view.js';
import { encodeUriComponentStyle, identity, lowercaseHex, spaceAsPlus } from './encoders.js';
import { defaultPort, splitAuthority, type Recipe, type RecipeParameter } from './recipe.js';

/**
 * The ways real clients (and servers behind proxies) build a different base
 * string or key than RFC 5849 says, as a table. Each variant changes one
 * choice of a recipe and returns the alternative recipes it suggests (none
 * when it does not apply to this request). Ids are stable: `inspect --json`
 * prints them.
 */

export type VariantId =
  | 'default-port-kept'
  | 'host-case-kept'
  | 'scheme-mismatch'
  | 'host-mismatch'
  | 'query-in-base-uri'
  | 'trailing-slash'
  | 'method-case'
  | 'method-mismatch'
  | 'query-omitted'
  | 'body-omitted'
  | 'json-body-as-form'
  | 'non-form-body-signed'
  | 'realm-included'
  | 'version-mismatch'
  | 'plus-as-literal'
  | 'double-encoded'
  | 'equals-in-value-cut'
  | 'duplicate-name-dropped'
  | 'empty-values-dropped'
  | 'parameters-unencoded'
  | 'reserved-unencoded'
  | 'lowercase-hex'
  | 'space-as-plus'
  | 'parameters-unsorted'
  | 'case-insensitive-sort'
  | 'sorted-by-name-only'
  | 'parameter-omitted'
  | 'oauth-1.0a-library'
  | 'key-without-ampersand'
  | 'key-not-encoded'
  | 'token-secret-omitted'
  | 'other-token-secret'
  | 'signature-plus-unencoded'
  | 'signature-double-encoded'
  | 'wrong-hash';

interface VariantText {
  /** What the client did, as a short phrase. */
  readonly title: string;
  /** What to change. */
  readonly fix: string;
}

export interface VariantContext {
  readonly view: OAuthRequestView;
  /** The oauth_signature_method sent, upper-cased. */
  readonly signatureMethod?: string | undefined;
  /** Token secrets the capture revealed for other tokens (a request token's secret used for an access token's call, …). */
  readonly otherTokenSecrets: readonly string[];
}

export interface Candidate {
  readonly recipe: Recipe;
  /** Which parameter, host or method, when the variant has several. */
  readonly detail?: string | undefined;
}

type VariantPart = 'base-string' | 'key' | 'signature' | 'method';

export interface Variant {
  readonly id: VariantId;
  readonly part: VariantPart;
  readonly spec: string;
  readonly en: VariantText;
  readonly ja: VariantText;
  /** Too many candidates to combine with others: tried alone only. */
  readonly alone?: boolean | undefined;
  apply(recipe: Recipe, context: VariantContext): Candidate[];
}

const one = (recipe: Recipe, detail?: string): Candidate[] => [{ recipe, detail }];

function withParams(recipe: Recipe, params: readonly RecipeParameter[]): Recipe {
  return { ...recipe, params };
}

/** Candidates that re-read some parameters from their raw text; none when no parameter changes. */
function rereadParams(recipe: Recipe, reread: (p: RecipeParameter) => RecipeParameter | undefined): Candidate[] {
  let changed = false;
  const params = recipe.params.map((p) => {
    const next = reread(p);
    if (next && (next.name !== p.name || next.value !== p.value)) {
      changed = true;
      return next;
    }
    return p;
  });
  return changed ? one(withParams(recipe, params)) : [];
}

function isJsonBody(view: OAuthRequestView): boolean {
  if (!view.body || view.isFormBody) return false;
  const type = mediaType(view.body.contentType);
  if (type === 'application/json' || type.endsWith('+json')) return true;
  return /^\s*[{[]/.test(view.body.text);
}

function jsonMembers(text: string): RecipeParameter[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  return Object.entries(parsed).map(([name, value]) => ({ name, value: typeof value === 'string' ? value : JSON.stringify(value), source: 'added' as const }));
}

/** Hosts a client may have signed for instead of the one the server saw. */
function alternativeHosts(recipe: Recipe, view: OAuthRequestView): string[] {
  const hosts = new Set<string>();
  const add = (host: string) => {
    const lower = host.toLowerCase();
    if (lower !== '' && lower !== recipe.uri.host) hosts.add(lower);
  };
  add(view.url.hostname);
  if (view.hostHeader) add(splitAuthority(view.hostHeader.trim()).host);
  // X renamed its API host; a client signing for one while calling the other fails (reference §3 Hosts).
  const aliases: Record<string, string> = { 'api.twitter.com': 'api.x.com', 'api.x.com': 'api.twitter.com', 'upload.twitter.com': 'upload.x.com', 'upload.x.com': 'upload.twitter.com' };
  const alias = aliases[recipe.uri.host];
  if (alias) add(alias);
  add(recipe.uri.host.startsWith('www.') ? recipe.uri.host.slice(4) : `www.${recipe.uri.host}`);
  return [...hosts];
}

function libraryBaseString(view: OAuthRequestView, data: Record<string, unknown>): string | undefined {
  const oauthData: Record<string, string> = {};
  for (const p of view.protocol) if (p.name !== 'oauth_signature') oauthData[p.name] = p.value;
  try {
    const reference = new OAuthReference({ consumer: { key: '', secret: '' }, signature_method: 'HMAC-SHA1', hash_function: () => '' });
    return reference.getBaseString({ url: view.exchange.request.url, method: view.method, data }, oauthData as unknown as OAuthReference.Data);
  } catch {
    // The library throws on a malformed %-sequence (decodeURIComponent); then it cannot be what the client ran.
    return undefined;
  }
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'];

export const VARIANTS: readonly Variant[] = [
  {
    id: 'default-port-kept',
    part: 'base-string',
    spec: 'RFC 5849 §3.4.1.2',
    en: { title: 'the default port (:443 or :80) was kept in the base string URI', fix: 'drop the port from the base string URI when it is the default for the scheme' },
    ja: { title: 'ベース文字列URIに既定ポート(:443 / :80)が残っていた', fix: 'スキームの既定ポートはベース文字列URIから除く' },
    apply: (r) => {
      const port = defaultPort(r.uri.scheme);
      return r.uri.port === '' && port ? one({ ...r, uri: { ...r.uri, port } }, `:${port}`) : [];
    },
  },
  {
    id: 'host-case-kept',
    part: 'base-string',
    spec: 'RFC 5849 §3.4.1.2',
    en: { title: 'the scheme and host were not lowercased in the base string URI', fix: 'lowercase the scheme and host before building the base string' },
    ja: { title: 'ベース文字列URIのスキームとホストが小文字化されていなかった', fix: 'ベース文字列を作る前にスキームとホストを小文字にする' },
    apply: (r, { view }) => {
      const written = [view.hostHeader, view.rawAuthority].map((a) => splitAuthority((a ?? '').trim()).host).find((h) => h !== '' && h !== h.toLowerCase()) ?? r.uri.host;
      const scheme = view.rawScheme;
      if (written === r.uri.host && scheme === r.uri.scheme) return [];
      return one({ ...r, uri: { ...r.uri, scheme, host: written } }, `${scheme}://${written}`);
    },
  },
  {
    id: 'scheme-mismatch',
    part: 'base-string',
    spec: 'RFC 5849 §3.4.1.2',
    en: { title: 'the other scheme (http vs https) was signed — typical behind a TLS-terminating proxy', fix: 'sign the URL with the scheme the server sees, or make the server rebuild the URL with the public scheme (X-Forwarded-Proto)' },
    ja: { title: '別のスキーム(http と https)で署名されていた(TLS終端プロキシの背後でよく起きる)', fix: 'サーバーが見るスキームで署名するか、サーバー側で公開URLのスキーム(X-Forwarded-Proto)を使う' },
    apply: (r) => {
      const scheme = r.uri.scheme === 'https' ? 'http' : r.uri.scheme === 'http' ? 'https' : undefined;
      return scheme ? one({ ...r, uri: { ...r.uri, scheme } }, `${scheme}://`) : [];
    },
  },
  {
    id: 'host-mismatch',
    part: 'base-string',
    spec: 'RFC 5849 §3.4.1.2',
    en: { title: 'a different host was signed than the one the request went to', fix: 'sign exactly the host in the request (e.g. api.x.com, not api.twitter.com)' },
    ja: { title: 'リクエスト先と異なるホストで署名されていた', fix: '実際に送るホスト(例: api.twitter.com ではなく api.x.com)で署名する' },
    apply: (r, { view }) => alternativeHosts(r, view).map((host) => ({ recipe: { ...r, uri: { ...r.uri, host } }, detail: host })),
  },
  {
    id: 'query-in-base-uri',
    part: 'base-string',
    spec: 'RFC 5849 §3.4.1.2',
    en: { title: 'the query string was left in the base string URI', fix: 'cut the base string URI at "?"; query parameters go into the normalised parameters instead' },
    ja: { title: 'ベース文字列URIにクエリ文字列が残っていた', fix: 'ベース文字列URIは「?」の手前まで。クエリのパラメータは正規化パラメータに入れる' },
    apply: (r, { view }) => {
      const query = view.url.search.replace(/^\?/, '');
      return query === '' || r.uri.query !== '' ? [] : one({ ...r, uri: { ...r.uri, query } });
    },
  },
  {
    id: 'trailing-slash',
    part: 'base-string',
    spec: 'RFC 5849 §3.4.1.2',
    en: { title: 'the path was signed with a different trailing slash', fix: 'sign the path exactly as requested (a redirect may have added or removed the "/")' },
    ja: { title: 'パス末尾のスラッシュの有無が違っていた', fix: 'リクエストするパスそのままで署名する(リダイレクトで「/」が変わることがある)' },
    apply: (r) => {
      const path = r.uri.path.endsWith('/') ? r.uri.path.slice(0, -1) : `${r.uri.path}/`;
      return path === '' ? [] : one({ ...r, uri: { ...r.uri, path } }, path);
    },
  },
  {
    id: 'method-case',
    part: 'base-string',
    spec: 'RFC 5849 §3.4.1.1',
    en: { title: 'the HTTP method was not uppercased in the base string', fix: 'uppercase the method ("POST", not "post")' },
    ja: { title: 'ベース文字列のHTTPメソッドが大文字になっていなかった', fix: 'メソッドは大文字にする(「post」ではなく「POST」)' },
    apply: (r, { view }) => {
      const methods = new Set([view.method, r.method.toLowerCase()]);
      methods.delete(r.method);
      return [...methods].map((method) => ({ recipe: { ...r, method }, detail: method }));
    },
  },
  {
    id: 'method-mismatch',
    part: 'base-string',
    spec: 'RFC 5849 §3.4.1.1',
    en: { title: 'another HTTP method was signed than the one sent (a redirect turns POST into GET)', fix: 'sign with the method actually sent; do not follow redirects with a signature made for another request' },
    ja: { title: '送ったのと別のHTTPメソッドで署名されていた(リダイレクトでPOSTがGETになるなど)', fix: '実際に送るメソッドで署名する。別リクエスト用の署名のままリダイレクトを追わない' },
    alone: true,
    apply: (r) => METHODS.filter((m) => m !== r.method.toUpperCase()).map((method) => ({ recipe: { ...r, method }, detail: method })),
  },
  {
    id: 'query-omitted',
    part: 'base-string',
    spec: 'RFC 5849 §3.4.1.3.1',
    en: { title: 'the query parameters were left out of the signature', fix: 'include every query parameter in the normalised parameters' },
    ja: { title: 'クエリのパラメータが署名から漏れていた', fix: 'クエリのパラメータをすべて正規化パラメータに含める' },
    apply: (r) => (r.params.some((p) => p.source === 'query') ? one(withParams(r, r.params.filter((p) => p.source !== 'query'))) : []),
  },
  {
    id: 'body-omitted',
    part: 'base-string',
    spec: 'RFC 5849 §3.4.1.3.1',
    en: { title: 'the form body parameters were left out of the signature', fix: 'include the parameters of an application/x-www-form-urlencoded body in the signature' },
    ja: { title: 'フォーム本文のパラメータが署名から漏れていた', fix: 'application/x-www-form-urlencoded の本文のパラメータを署名に含める' },
    apply: (r) => (r.params.some((p) => p.source === 'body') ? one(withParams(r, r.params.filter((p) => p.source !== 'body'))) : []),
  },
  {
    id: 'json-body-as-form',
    part: 'base-string',
    spec: 'RFC 5849 §3.4.1.3.1',
    en: { title: 'a JSON body was signed as if it were form parameters', fix: 'leave a JSON body out of the signature (only form bodies are signed; use oauth_body_hash to protect it)' },
    ja: { title: 'JSON本文がフォームパラメータとして署名されていた', fix: 'JSON本文は署名に含めない(署名対象はフォーム本文だけ。守るなら oauth_body_hash)' },
    apply: (r, { view }) => {
      if (!view.body || !isJsonBody(view) || view.body.text === '') return [];
      const candidates: Candidate[] = [{ recipe: withParams(r, [...r.params, ...wireParameters(view.body.text, 'body').map((p) => ({ ...p, source: 'added' as const }))]), detail: 'body text parsed as a form' }];
      const members = jsonMembers(view.body.text);
      if (members && members.length > 0) candidates.push({ recipe: withParams(r, [...r.params, ...members]), detail: 'top-level JSON members as parameters' });
      return candidates;
    },
  },
  {
    id: 'non-form-body-signed',
    part: 'base-string',
    spec: 'RFC 5849 §3.4.1.3.1',
    en: { title: 'a body that is not application/x-www-form-urlencoded was signed as form parameters', fix: 'send form bodies with Content-Type: application/x-www-form-urlencoded, or leave other bodies out of the signature' },
    ja: { title: 'application/x-www-form-urlencoded ではない本文がフォームとして署名されていた', fix: 'フォーム本文には Content-Type: application/x-www-form-urlencoded を付ける。それ以外の本文は署名しない' },
    apply: (r, { view }) => {
      if (!view.body || view.isFormBody || isJsonBody(view) || view.body.text === '') return [];
      return one(withParams(r, [...r.params, ...wireParameters(view.body.text, 'body').map((p) => ({ ...p, source: 'added' as const }))]), view.body.contentType ?? 'no Content-Type');
    },
  },
  {
    id: 'realm-included',
    part: 'base-string',
    spec: 'RFC 5849 §3.4.1.3.1',
    en: { title: 'the Authorization header\'s realm was signed as a parameter', fix: 'leave realm out of the signature; it is not a parameter' },
    ja: { title: 'Authorization ヘッダーの realm がパラメータとして署名されていた', fix: 'realm は署名に含めない(パラメータではない)' },
    apply: (r, { view }) => (view.realm === undefined ? [] : one(withParams(r, [...r.params, { name: 'realm', value: view.realm, source: 'added' }]))),
  },
  {
    id: 'version-mismatch',
    part: 'base-string',
    spec: 'RFC 5849 §3.1, §3.4.1.3.1',
    en: { title: 'oauth_version was signed differently from how it was sent (added, or left out)', fix: 'sign exactly the protocol parameters you send: add oauth_version=1.0 to both or to neither' },
    ja: { title: 'oauth_version の扱いが送信内容と署名で違っていた(追加または欠落)', fix: '送るプロトコルパラメータをそのまま署名する。oauth_version=1.0 は両方に入れるか両方から外す' },
    apply: (r) =>
      r.params.some((p) => p.name === 'oauth_version')
        ? one(withParams(r, r.params.filter((p) => p.name !== 'oauth_version')), 'oauth_version left out of the signature')
        : one(withParams(r, [...r.params, { name: 'oauth_version', value: '1.0', source: 'added' }]), 'oauth_version=1.0 signed but not sent'),
  },
  {
    id: 'plus-as-literal',
    part: 'base-string',
    spec: 'RFC 5849 §3.4.1.3.1',
    en: { title: 'a "+" in the query or body was signed as a literal plus (%2B) instead of a space (%20)', fix: 'decode "+" as a space before signing (form decoding), or send %2B if a plus is meant' },
    ja: { title: 'クエリや本文の「+」が空白(%20)ではなく文字の「+」(%2B)として署名されていた', fix: '署名前に「+」を空白としてデコードする。「+」を送りたいなら %2B と書く' },
    apply: (r) =>
      rereadParams(r, (p) =>
        (p.source === 'query' || p.source === 'body') && p.rawValue !== undefined && p.rawName !== undefined && /\+/.test(p.rawName + p.rawValue)
          ? { ...p, name: percentDecode(p.rawName), value: percentDecode(p.rawValue) }
          : undefined,
      ),
  },
  {
    id: 'double-encoded',
    part: 'base-string',
    spec: 'RFC 5849 §3.4.1.3.2',
    en: { title: 'already-encoded parameter values were encoded again (double encoding)', fix: 'decode query and body values before normalising, so each is percent-encoded exactly once' },
    ja: { title: 'エンコード済みのパラメータ値が再度エンコードされていた(二重エンコード)', fix: '正規化の前にクエリと本文の値をデコードし、エンコードは一度だけにする' },
    apply: (r) =>
      rereadParams(r, (p) =>
        (p.source === 'query' || p.source === 'body') && p.rawValue !== undefined && p.rawName !== undefined && /%[0-9A-Fa-f]{2}|\+/.test(p.rawName + p.rawValue)
          ? { ...p, name: p.rawName, value: p.rawValue }
          : undefined,
      ),
  },
  {
    id: 'equals-in-value-cut',
    part: 'base-string',
    spec: 'RFC 5849 §3.4.1.3.1',
    en: { title: 'a value containing "=" was cut at it (x=y=z read as x=y; oauth-1.0a 2.2.6 does this)', fix: 'split each pair at the first "=" only' },
    ja: { title: '「=」を含む値がそこで切られていた(x=y=z を x=y と読む。oauth-1.0a 2.2.6 の挙動)', fix: '各ペアは最初の「=」だけで分ける' },
    apply: (r) =>
      rereadParams(r, (p) =>
        (p.source === 'query' || p.source === 'body') && p.rawValue?.includes('=') ? { ...p, value: formDecode(p.rawValue.split('=')[0] ?? '') } : undefined,
      ),
  },
  {
    id: 'duplicate-name-dropped',
    part: 'base-string',
    spec: 'RFC 5849 §3.4.1.3.1',
    en: { title: 'a parameter name sent more than once was signed only once (oauth-1.0a 2.2.6 keeps one when a name is in both query and body)', fix: 'sign every occurrence of a repeated name, sorted by value' },
    ja: { title: '複数回送られた同名パラメータが一度しか署名されていなかった(oauth-1.0a 2.2.6 はクエリと本文の同名を一つにする)', fix: '同名パラメータはすべて署名し、値で並べる' },
    apply: (r) => {
      const names = r.params.map((p) => p.name);
      if (new Set(names).size === names.length) return [];
      const keepFirst = r.params.filter((p, i) => names.indexOf(p.name) === i);
      const keepLast = r.params.filter((p, i) => names.lastIndexOf(p.name) === i);
      return [
        { recipe: withParams(r, keepFirst), detail: 'first occurrence kept' },
        { recipe: withParams(r, keepLast), detail: 'last occurrence kept' },
      ];
    },
  },
  {
    id: 'empty-values-dropped',
    part: 'base-string',
    spec: 'RFC 5849 §3.4.1.3.2',
    en: { title: 'parameters with an empty value were left out', fix: 'sign empty parameters as "name=" (the "=" stays)' },
    ja: { title: '値が空のパラメータが署名から外されていた', fix: '空の値も「name=」として署名する(「=」は残す)' },
    apply: (r) => (r.params.some((p) => p.value === '') ? one(withParams(r, r.params.filter((p) => p.value !== ''))) : []),
  },
  {
    id: 'parameters-unencoded',
    part: 'base-string',
    spec: 'RFC 5849 §3.4.1.3.2',
    en: { title: 'parameter names and values were not percent-encoded before joining', fix: 'percent-encode each name and value (RFC 3986) before sorting and joining' },
    ja: { title: 'パラメータ名と値が連結前にパーセントエンコードされていなかった', fix: '並べ替え・連結の前に名前と値をそれぞれ RFC 3986 でエンコードする' },
    apply: (r) => one({ ...r, encodeParameter: identity }),
  },
  {
    id: 'reserved-unencoded',
    part: 'base-string',
    spec: 'RFC 5849 §3.6',
    en: { title: "encodeURIComponent was used, which leaves ! ' ( ) * unencoded", fix: "encode ! ' ( ) * too (%21 %27 %28 %29 %2A)" },
    ja: { title: "encodeURIComponent を使っていて ! ' ( ) * がエンコードされていなかった", fix: "! ' ( ) * もエンコードする(%21 %27 %28 %29 %2A)" },
    apply: (r) => one({ ...r, encodeParameter: encodeUriComponentStyle, encodeComponent: encodeUriComponentStyle }),
  },
  {
    id: 'lowercase-hex',
    part: 'base-string',
    spec: 'RFC 5849 §3.6',
    en: { title: 'percent-encoding used lowercase hex digits (%2f)', fix: 'use uppercase hex digits (%2F)' },
    ja: { title: 'パーセントエンコードの16進が小文字だった(%2f)', fix: '16進は大文字にする(%2F)' },
    apply: (r) => one({ ...r, encodeParameter: lowercaseHex, encodeComponent: lowercaseHex }),
  },
  {
    id: 'space-as-plus',
    part: 'base-string',
    spec: 'RFC 5849 §3.6',
    en: { title: 'spaces were encoded as "+" (form encoding, e.g. URLSearchParams) instead of %20', fix: 'encode a space as %20 in the base string' },
    ja: { title: '空白が %20 ではなく「+」でエンコードされていた(URLSearchParams などのフォーム形式)', fix: 'ベース文字列では空白を %20 にする' },
    apply: (r) => [
      { recipe: { ...r, encodeParameter: spaceAsPlus }, detail: 'in parameter values' },
      { recipe: { ...r, encodeParameter: spaceAsPlus, encodeComponent: spaceAsPlus }, detail: 'throughout' },
    ],
  },
  {
    id: 'parameters-unsorted',
    part: 'base-string',
    spec: 'RFC 5849 §3.4.1.3.2',
    en: { title: 'the parameters were not sorted', fix: 'sort the encoded parameters by name, then by value, in byte order' },
    ja: { title: 'パラメータが並べ替えられていなかった', fix: 'エンコード後のパラメータを名前、次に値のバイト順で並べる' },
    apply: (r) => one({ ...r, order: 'as-sent' }),
  },
  {
    id: 'case-insensitive-sort',
    part: 'base-string',
    spec: 'RFC 5849 §3.4.1.3.2',
    en: { title: 'the parameters were sorted ignoring case', fix: 'sort in byte order: uppercase names come before lowercase ones' },
    ja: { title: 'パラメータが大文字小文字を区別せずに並べられていた', fix: 'バイト順で並べる(大文字の名前が小文字より先)' },
    apply: (r) => one({ ...r, order: 'case-insensitive' }),
  },
  {
    id: 'sorted-by-name-only',
    part: 'base-string',
    spec: 'RFC 5849 §3.4.1.3.2',
    en: { title: 'repeated names were not sorted by value', fix: 'when names are equal, sort by value' },
    ja: { title: '同名パラメータが値で並べられていなかった', fix: '名前が同じときは値で並べる' },
    apply: (r) => one({ ...r, order: 'name-only' }),
  },
  {
    id: 'oauth-1.0a-library',
    part: 'base-string',
    spec: 'RFC 5849 §3.4.1',
    en: { title: 'the request was signed the way the oauth-1.0a 2.2.6 library does (host case and port kept, "+" as %2B, x=y=z cut, one of a repeated name)', fix: 'pass the library a lowercase URL without a default port and avoid "+", "=" in values and repeated names — or sign with an RFC-exact library' },
    ja: { title: 'oauth-1.0a 2.2.6 ライブラリと同じ方法で署名されていた(ホストの大文字・ポートを保持、「+」を %2B、x=y=z を切る、同名を一つに)', fix: 'ライブラリには小文字・既定ポートなしのURLを渡し、値の「+」「=」や同名パラメータを避ける。または RFC に正確なライブラリで署名する' },
    alone: true,
    apply: (r, { view }) => {
      const data: Record<string, unknown> = {};
      for (const p of view.bodyParams) data[p.name] = p.value;
      const candidates: Candidate[] = [];
      const formBased = libraryBaseString(view, data);
      if (formBased !== undefined) candidates.push({ recipe: { ...r, baseStringOverride: formBased } });
      if (view.body && isJsonBody(view)) {
        const members = jsonMembers(view.body.text);
        const jsonBased = members ? libraryBaseString(view, Object.fromEntries(members.map((m) => [m.name, m.value]))) : undefined;
        if (jsonBased !== undefined) candidates.push({ recipe: { ...r, baseStringOverride: jsonBased }, detail: 'JSON body passed as data' });
      }
      return candidates;
    },
  },
  {
    id: 'parameter-omitted',
    part: 'base-string',
    spec: 'RFC 5849 §3.4.1.3.1',
    en: { title: 'one parameter that was sent was not signed (added after signing?)', fix: 'sign every parameter you send: add it before computing the signature' },
    ja: { title: '送ったパラメータの一つが署名されていなかった(署名後に追加した?)', fix: '送るパラメータはすべて署名する。署名を計算する前に追加する' },
    alone: true,
    apply: (r) => (r.params.length > 60 ? [] : r.params.map((p, i) => ({ recipe: withParams(r, r.params.filter((_, k) => k !== i)), detail: p.name }))),
  },
  {
    id: 'key-without-ampersand',
    part: 'key',
    spec: 'RFC 5849 §3.4.2',
    en: { title: 'the signing key lacked the "&" (consumer secret alone, with no token secret)', fix: 'the key is encode(consumer_secret) + "&" + encode(token_secret); keep the "&" even when the token secret is empty' },
    ja: { title: '署名鍵に「&」がなかった(トークンシークレットなしでコンシューマーシークレットだけ)', fix: '鍵は encode(consumer_secret) + "&" + encode(token_secret)。トークンシークレットが空でも「&」は付ける' },
    apply: (r) => (r.consumerSecret === undefined ? [] : one({ ...r, keyForm: 'no-ampersand' })),
  },
  {
    id: 'key-not-encoded',
    part: 'key',
    spec: 'RFC 5849 §3.4.2',
    en: { title: 'the secrets were not percent-encoded in the signing key', fix: 'percent-encode both secrets before joining them with "&"' },
    ja: { title: '署名鍵のシークレットがパーセントエンコードされていなかった', fix: '両方のシークレットをエンコードしてから「&」で連結する' },
    apply: (r) =>
      r.consumerSecret !== undefined && (percentEncode(r.consumerSecret) !== r.consumerSecret || percentEncode(r.tokenSecret) !== r.tokenSecret) ? one({ ...r, keyForm: 'unencoded' }) : [],
  },
  {
    id: 'token-secret-omitted',
    part: 'key',
    spec: 'RFC 5849 §3.4.2',
    en: { title: 'the token secret was left out of the signing key', fix: 'sign with consumer_secret&token_secret once you hold a token' },
    ja: { title: '署名鍵にトークンシークレットが入っていなかった', fix: 'トークンを得たら consumer_secret&token_secret で署名する' },
    apply: (r) => (r.consumerSecret !== undefined && r.tokenSecret !== '' ? one({ ...r, tokenSecret: '' }) : []),
  },
  {
    id: 'other-token-secret',
    part: 'key',
    spec: 'RFC 5849 §3.4.2',
    en: { title: 'the secret of another token was used (e.g. the request token secret for an access-token call)', fix: 'sign each call with the secret issued together with the token it sends' },
    ja: { title: '別のトークンのシークレットで署名されていた(アクセストークンの呼び出しにリクエストトークンのシークレットなど)', fix: '送るトークンと一緒に発行されたシークレットで署名する' },
    apply: (r, { otherTokenSecrets }) =>
      r.consumerSecret === undefined ? [] : otherTokenSecrets.filter((s) => s !== r.tokenSecret).map((tokenSecret) => ({ recipe: { ...r, tokenSecret } })),
  },
  {
    id: 'signature-plus-unencoded',
    part: 'signature',
    spec: 'RFC 5849 §3.5.2, §3.5.3',
    en: { title: 'the signature was sent in the query or body without encoding, so its "+" arrived as a space', fix: 'percent-encode oauth_signature (+ → %2B, / → %2F, = → %3D) wherever it is sent' },
    ja: { title: '署名がクエリや本文にエンコードなしで送られ、「+」が空白として届いていた', fix: 'oauth_signature は送る場所に関係なくエンコードする(+ → %2B、/ → %2F、= → %3D)' },
    apply: (r) => (r.signature.includes(' ') ? one({ ...r, signature: r.signature.replace(/ /g, '+') }) : []),
  },
  {
    id: 'signature-double-encoded',
    part: 'signature',
    spec: 'RFC 5849 §3.5.1',
    en: { title: 'the signature was percent-encoded twice in the request', fix: 'encode oauth_signature once' },
    ja: { title: '署名がリクエスト内で二重にエンコードされていた', fix: 'oauth_signature のエンコードは一度だけ' },
    apply: (r) => (/%[0-9A-Fa-f]{2}/.test(r.signature) ? one({ ...r, signature: percentDecode(r.signature) }) : []),
  },
  {
    id: 'wrong-hash',
    part: 'method',
    spec: 'RFC 5849 §3.4; oauthlib SIGNATURE_HMAC_SHA256/SHA512, SIGNATURE_RSA_SHA256/SHA512',
    en: { title: 'the signature was computed with another hash than oauth_signature_method says (e.g. SHA-1 under HMAC-SHA256)', fix: 'sign with the digest the method names, or send the oauth_signature_method you signed with' },
    ja: { title: 'oauth_signature_method と違うハッシュで署名が計算されていた(HMAC-SHA256 と書いて SHA-1 で計算など)', fix: '方式名どおりのハッシュで署名するか、実際に使った oauth_signature_method を送る' },
    apply: (r, { signatureMethod }) => {
      if (signatureMethod === undefined || !isSignatureMethod(signatureMethod)) return [];
      const row = SIGNATURE_METHOD_ROWS[signatureMethod];
      if (row.family === 'PLAINTEXT') return [];
      const declared = r.hash ?? row.hash;
      const others = SIGNATURE_METHODS.filter((m) => SIGNATURE_METHOD_ROWS[m].family === row.family && SIGNATURE_METHOD_ROWS[m].hash !== declared);
      return others.map((m) => ({ recipe: { ...r, hash: SIGNATURE_METHOD_ROWS[m].hash as HashName }, detail: m }));
    },
  },
];

export const VARIANT_IDS: readonly VariantId[] = VARIANTS.map((v) => v.id);

export function variantById(id: VariantId): Variant {
  const variant = VARIANTS.find((v) => v.id === id);
  if (!variant) throw new Error(`unknown variant ${id}`);
  return variant;
}

