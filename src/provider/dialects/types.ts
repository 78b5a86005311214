import type { Pair } from '../../oauth/form.js';
import type { Failure } from '../failure.js';
import type { ProviderReply } from '../http-types.js';
import type { Lang } from '../../diagnose/lang.js';
import type { DialectName } from '../options.js';

export interface DialectContext {
  /** realm for WWW-Authenticate (RFC 5849 §3.5.1). */
  readonly realm: string;
  /** The person's language, from Accept-Language (authorise pages only). */
  readonly lang: Lang;
}

/**
 * How one provider family writes its refusals. A dialect is a record of
 * writers, each driven by its own table, so adding one is adding a file.
 */
export interface Dialect {
  readonly name: DialectName;
  /** A refused OAuth or API request. */
  failure(failure: Failure, context: DialectContext): ProviderReply;
  /** A refused authorise step, as the person's browser receives it. */
  authorizeFailure(failure: Failure, context: DialectContext): ProviderReply;
  /** What the callback gets when the person denies access. */
  deniedCallback(token: string): Pair[];
}
