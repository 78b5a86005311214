// How one provider writes the refusals of `serve --oauth2`: a table from the
// engine's cause (cause.ts) to that provider's wire answer, one row per
// answer, each with where its code, status and wording come from. A cause a
// table has no row for keeps the engine's own RFC 6749 answer.
import type { OAuth2DialectName } from '../options.js';
import type { EngineCause } from './cause.js';

/** What a dialect may quote from the refused request and the provider's clock. */
export interface RefusalFacts {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly grantType: string;
  /** The client assertion's time claims (seconds since the epoch), when one was sent (RFC 7523 §3). */
  readonly assertion?: { readonly iat?: number; readonly nbf?: number; readonly exp?: number };
  /** The provider's clock, in ms (skewed when --clock-skew is set). */
  readonly now: number;
  /** The request's Accept header ('' when absent). */
  readonly accept: string;
  /** The client's first registered redirect URI, when the client is known. */
  readonly registeredRedirectUri?: string;
  /** The authorization request's state (RFC 6749 §4.1.1), '' when absent. */
  readonly state?: string;
}

export type Text = string | ((facts: RefusalFacts) => string);

export interface RowBasis {
  /** Where the code, status and wording come from (a page or a thread quoting the provider's answer). */
  readonly source: string;
  /**
   * documented: the provider's own documentation shows it; observed: a
   * captured answer quoted in a public issue thread; inferred: no capture of
   * this exact case was found, so the provider's nearest documented answer.
   */
  readonly basis: 'documented' | 'observed' | 'inferred';
}

/** One row of a JSON dialect: `{"error": …, "error_description": …}` with a status. */
export interface JsonRow extends RowBasis {
  readonly causes: readonly EngineCause[];
  readonly status: number;
  readonly error: string;
  readonly description?: Text;
}

/** The parameters of an authorization error redirect (RFC 6749 §4.1.2.1) a dialect writes instead of the engine's. */
export interface RedirectRow extends RowBasis {
  readonly causes: readonly EngineCause[];
  readonly error: string;
  readonly description?: Text;
  readonly uri?: string;
}

/** A refusal as written on the wire. */
export interface WireAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** A row of pages.ts (declared here so the shared builders need not import the pages). */
export interface PageRowLike extends RowBasis {
  readonly causes: readonly EngineCause[];
  readonly answer: (facts: RefusalFacts) => PageAnswer;
}

/** A page for the browser, or (GitHub) a redirect to the client's registered callback with the error. */
export type PageAnswer = WireAnswer | { readonly status: number; readonly location: string };

export interface OAuth2Dialect {
  readonly name: Exclude<OAuth2DialectName, 'rfc6749'>;
  /** The token (device, revocation, introspection) endpoint's answer; undefined: the engine's own. */
  answer(cause: EngineCause, facts: RefusalFacts): WireAnswer | undefined;
  /** The error parameters of an authorization redirect; undefined: the engine's own. */
  redirect(cause: EngineCause, facts: RefusalFacts): Readonly<Record<string, string>> | undefined;
  /** What the person's browser gets for an authorization request the provider will not redirect (an unregistered redirect_uri). */
  page?(cause: EngineCause, facts: RefusalFacts): PageAnswer | undefined;
  /** Every row, for the tests and the table's own checks. */
  readonly rows: readonly (RowBasis & { readonly causes: readonly EngineCause[] })[];
}

export const JSON_UTF8 = 'application/json; charset=utf-8';

export function textOf(text: Text | undefined, facts: RefusalFacts): string | undefined {
  return typeof text === 'function' ? text(facts) : text;
}

export function rowFor<R extends { readonly causes: readonly EngineCause[] }>(rows: readonly R[], cause: EngineCause): R | undefined {
  return rows.find((row) => row.causes.includes(cause));
}

function redirectParams(rows: readonly RedirectRow[], cause: EngineCause, facts: RefusalFacts): Record<string, string> | undefined {
  const row = rowFor(rows, cause);
  if (!row) return undefined;
  const description = textOf(row.description, facts);
  return { error: row.error, ...(description === undefined ? {} : { error_description: description }), ...(row.uri === undefined ? {} : { error_uri: row.uri }) };
}

/** A dialect whose refusals are RFC 6749 §5.2 JSON objects with the provider's codes, wording and statuses. */
export function jsonDialect(
  name: OAuth2Dialect['name'],
  rows: readonly JsonRow[],
  redirects: readonly RedirectRow[],
  format: { readonly indent?: number; readonly pages?: readonly PageRowLike[] } = {},
): OAuth2Dialect {
  const pages = format.pages ?? [];
  return {
    name,
    rows: [...rows, ...redirects, ...pages],
    page: (cause, facts) => rowFor(pages, cause)?.answer(facts),
    answer(cause, facts) {
      const row = rowFor(rows, cause);
      if (!row) return undefined;
      const description = textOf(row.description, facts);
      const body = { error: row.error, ...(description === undefined ? {} : { error_description: description }) };
      return { status: row.status, contentType: JSON_UTF8, body: JSON.stringify(body, null, format.indent) };
    },
    redirect: (cause, facts) => redirectParams(redirects, cause, facts),
  };
}

export { redirectParams };
