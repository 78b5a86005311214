import type { ConceptRecord } from './types.js';

/**
 * X's authorize page in the languages it is shown in: "The request token for
 * this page is invalid" and "There is no request token for this page"
 * (English and Japanese are matched word for word in phrases.ts). Each
 * language gives its words for "request token", "invalid", "there is no"
 * and "page"; a sentence with the first, one of the next two, and "page"
 * reads as X's page, one without "page" as a token refused. Where X's own
 * wording was found it is named in `source`; elsewhere the words are the
 * ordinary ones of the language, chosen to match any phrasing of the
 * sentence rather than one translation.
 *
 * Verified against X's own page text: es and nl (below), en and ja
 * (phrases.ts). pt, fr, de, it, ko, zh, ru and tr are unverified: X's
 * localised sentences were searched for in public issue threads, Q&A pages
 * and code (2026-12-07) and not found, so those rows stay word-based, not
 * exact sentences.
 */
interface PageWords {
  readonly lang: string;
  readonly requestToken: readonly string[];
  readonly invalid: readonly string[];
  readonly none: readonly string[];
  readonly page: readonly string[];
  readonly source?: string;
}

const LANGUAGES: readonly PageWords[] = [
  {
    lang: 'es',
    requestToken: ['token de solicitud', 'token de petición', 'token de peticion', 'request token', 'token'],
    invalid: ['no es válido', 'no es valido', 'inválido', 'invalido', 'no válido', 'no valido'],
    none: ['no hay', 'no existe', 'ningún', 'ningun', 'falta'],
    page: ['página', 'pagina'],
    source: 'X page as a Selenium test of a Twitter sign-in checks it: "El token de solicitud para esta página no es válido"',
  },
  {
    lang: 'pt',
    requestToken: ['token de solicitação', 'token de solicitacao', 'token de requisição', 'token de requisicao', 'token de pedido', 'request token', 'token'],
    invalid: ['inválido', 'invalido', 'não é válido', 'nao e valido', 'não válido'],
    none: ['não há', 'nao ha', 'não existe', 'nao existe', 'nenhum'],
    page: ['página', 'pagina'],
  },
  {
    lang: 'fr',
    requestToken: ['jeton de requête', 'jeton de requete', 'jeton de demande', 'jeton de la requête', 'request token', 'jeton', 'token'],
    invalid: ["n'est pas valide", 'invalide', "n'est pas valable", 'non valide', 'pas valide'],
    none: ["il n'y a pas", "n'y a pas", "n'y a aucun", 'aucun', 'pas de'],
    page: ['page'],
  },
  {
    lang: 'de',
    requestToken: ['request token', 'anfrage token', 'anfragetoken', 'anforderungstoken', 'anforderungs token', 'token'],
    invalid: ['ungültig', 'ungueltig', 'nicht gültig', 'nicht gueltig'],
    none: ['kein', 'keine', 'keinen', 'gibt es kein'],
    page: ['seite'],
  },
  {
    lang: 'nl',
    requestToken: ['request token', 'verzoektoken', 'aanvraagtoken', 'token'],
    invalid: ['ongeldig', 'niet geldig'],
    none: ['geen', 'er is geen'],
    page: ['pagina'],
    source: 'X page quoted in drmonkeyninja/TXP-Tweet#24: \'De "request token" voor deze pagina is ongeldig.\'',
  },
  {
    lang: 'it',
    requestToken: ['token di richiesta', 'token della richiesta', 'request token', 'token'],
    invalid: ['non è valido', 'non e valido', 'non valido', 'invalido', 'non è più valido'],
    none: ["non c'è", "non c'e", 'non esiste', 'nessun', 'manca'],
    page: ['pagina'],
  },
  {
    lang: 'ko',
    requestToken: ['요청 토큰', '요청토큰', '리퀘스트 토큰', 'request token', '토큰'],
    invalid: ['유효하지 않', '잘못된', '무효'],
    none: ['없습니다', '없음', '존재하지 않'],
    page: ['페이지'],
  },
  {
    lang: 'zh',
    requestToken: ['请求令牌', '請求令牌', '请求标记', '請求標記', '要求權杖', '請求權杖', '请求 token', 'request token', '令牌', '權杖', 'token'],
    invalid: ['无效', '無效', '不正确', '不正確', '不合法'],
    none: ['没有', '沒有', '不存在'],
    page: ['页面', '頁面', '此页', '此頁', '该页', '該頁'],
  },
  {
    lang: 'ru',
    requestToken: ['токен запроса', 'токена запроса', 'маркер запроса', 'request token', 'токен*', 'маркер*'],
    invalid: ['недействител*', 'неверн*', 'недопустим*', 'устарел*', 'не действителен'],
    none: ['нет', 'отсутствует'],
    page: ['страниц*'],
  },
  {
    lang: 'tr',
    requestToken: ['istek belirteci', 'istek tokeni', 'istek token', 'istek anahtarı', 'request token', 'belirteç*', 'token*'],
    invalid: ['geçersiz', 'gecersiz'],
    none: ['yok', 'bulunamadı', 'bulunmuyor', 'bulunmamaktadır'],
    page: ['sayfa*'],
  },
];

export function localisedXPageConcepts(): readonly ConceptRecord[] {
  const rows: ConceptRecord[] = [];
  for (const words of LANGUAGES) {
    const base = { lang: words.lang, concept: 'token' as const, subject: words.requestToken, tier: 1 as const, ...(words.source === undefined ? {} : { source: words.source }) };
    rows.push({ ...base, id: `x-page-request-token-invalid-${words.lang}`, state: words.invalid, near: words.page, problem: 'token_rejected', providerCode: 'x:page:request-token-invalid', provider: 'x', causes: ['reuse', 'expiry'] });
    rows.push({ ...base, id: `x-page-no-request-token-${words.lang}`, state: words.none, near: words.page, problem: 'parameter_absent', providerCode: 'x:page:no-request-token', provider: 'x', parameters: { oauth_parameters_absent: 'oauth_token' }, causes: ['missing-parameter'] });
    rows.push({ ...base, id: `token-invalid-${words.lang}`, state: words.invalid, problem: 'token_rejected', causes: [] });
  }
  return rows;
}
