import { lazy } from '../../knowledge/lazy.js';
import { providerCodes, qualifiedCode } from '../../knowledge/provider-codes.js';
import type { ProviderCodeRecord } from '../../knowledge/types.js';
import type { ProblemSource } from '../types.js';
import { excerpt, type Finding } from './finding.js';
import { isStandardOAuth2Code } from './oauth2.js';

/**
 * A provider's code written before its description, as client libraries print
 * an error they were sent (issue #12): `INVALID_LOGIN: Invalid username,
 * password, security token; or user locked out.` (Salesforce, through jsforce,
 * simple-salesforce or RForcecom), Salesforce WSC's `exceptionCode='INVALID_LOGIN'
 * exceptionMessage='…'`, a SOAP fault's `<faultcode>INVALID_LOGIN</faultcode>`.
 *
 * The code alone can be two providers' (NetSuite answers INVALID_LOGIN too):
 * of the rows that list the code, the one whose documented wording shares the
 * most words with the description beside it is the one meant. A code no row
 * lists, or a description that shares nothing with any row's wording, is left
 * to the other readers (the words, the status).
 */
const CODE = /(?<![\w.-])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?![\w-])/g;

/** The rows of SCREAMING_SNAKE codes, by code. */
const ROWS_BY_CODE = lazy((): ReadonlyMap<string, readonly ProviderCodeRecord[]> => {
  const map = new Map<string, ProviderCodeRecord[]>();
  for (const row of providerCodes()) {
    for (const code of [row.code, row.alias]) {
      if (code === undefined || !/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(code)) continue;
      (map.get(code) ?? map.set(code, []).get(code))?.push(row);
    }
  }
  return map;
});

/** Words that say nothing of which provider wrote them. */
const COMMON = new Set('invalid error failed failure request please more details with that this from your have been does will when were there their some code message'.split(' '));

function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const match of text.toLowerCase().matchAll(/[a-z]{4,}/g)) if (!COMMON.has(match[0])) words.add(match[0].replace(/s$/, ''));
  return words;
}

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

const MAX_CODES = 32;
/** What an OAuth 2.0 error's description speaks of (RFC 6749 §5.2's errors are about these). */
const OAUTH_WORDS = /\b(?:client|grant|token|scope|redirect|authori[sz]\w*|credential|secret|assertion|consent|code|verifier|pkce|oauth)/i;
const DESCRIPTION_SPAN = 300;

export function findingFromCodedLine(text: string, carrier: ProblemSource, hostProvider?: string): Finding | undefined {
  const bounded = text.slice(0, 100_000);
  const byCode = ROWS_BY_CODE();
  let tries = 0;
  for (const match of bounded.matchAll(CODE)) {
    if (++tries > MAX_CODES) break;
    const code = match[1] ?? '';
    const end = match.index + match[0].length;
    // A registered OAuth 2.0 code in a library's enum spelling, then its description (`INVALID_CLIENT: Invalid client`, Spotify's
    // authorize page): that code (RFC 6749 §5.2, §4.1.2.1), read as the same code typed alone is, with its description.
    const lower = code.toLowerCase();
    if (isStandardOAuth2Code(lower) && /^\s*:\s/.test(bounded.slice(end, end + 4))) {
      const description = /^\s*:\s*([^\n]{1,400})/.exec(bounded.slice(end, end + 402))?.[1]?.trim();
      // Mapped when the description speaks of OAuth's things; `INVALID_REQUEST: Request is not well-formed` (PayPal's REST API) is any API's.
      const confidence = description !== undefined && OAUTH_WORDS.test(description) ? 'mapped' : 'heuristic';
      return { code: `oauth2:${lower}`, source: carrier, confidence, asSent: code, oauth2Signals: ['enum-form'], parameters: description === undefined ? {} : { error_description: description }, message: description === undefined ? undefined : excerpt(description) };
    }
    const rows = byCode.get(code);
    if (rows === undefined) continue;
    // What follows the code, to a blank line: `: description`, `' exceptionMessage='description'`, `</faultcode><faultstring>…`.
    const description = (bounded.slice(end, end + DESCRIPTION_SPAN).split(/\n\s*\n/)[0] ?? '').replace(/<[^>]{0,80}>/g, ' ');
    const said = contentWords(description);
    // Scored against the provider's documented wording only, never our own titles of it (STYLE: no decision by our English).
    let best: { row: ProviderCodeRecord; score: number } | undefined;
    let tied = false;
    for (const row of rows) {
      const score = shared(said, contentWords(row.message)) + (row.provider === hostProvider ? 100 : 0);
      if (best !== undefined && score === best.score) tied = true;
      if (best === undefined || score > best.score) [best, tied] = [{ row, score }, false];
    }
    if (best === undefined) continue;
    // One row and nothing said beside the code: that row. Otherwise the wording has to agree, with one provider's row only.
    const bare = said.size === 0 && rows.length === 1;
    if ((best.score === 0 && !bare) || tied) continue;
    const providerCode = qualifiedCode(best.row);
    return {
      code: providerCode,
      providerCode,
      provider: best.row.provider,
      source: carrier,
      confidence: 'mapped',
      parameters: {},
      message: excerpt(bounded.slice(match.index, end + Math.min(description.length, 200))),
    };
  }
  return undefined;
}
