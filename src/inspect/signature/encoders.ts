import { percentEncode } from '../../oauth/percent-encode.js';
import type { Encoder } from './recipe.js';

/**
 * The percent-encoders real clients use instead of RFC 5849 §3.6. Each one
 * never throws (a lone surrogate is made well-formed first), so a variant
 * can be tried on any input.
 */

const wellFormed = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

/** encodeURIComponent as is: leaves ! ' ( ) * unencoded. */
export const encodeUriComponentStyle: Encoder = (text) => encodeURIComponent(wellFormed(text));

/** RFC 3986 set, but hex digits in lowercase (%2f). */
export const lowercaseHex: Encoder = (text) => percentEncode(text).replace(/%[0-9A-F]{2}/g, (triplet) => triplet.toLowerCase());

/** application/x-www-form-urlencoded style: space as `+` (URLSearchParams, PHP urlencode). */
export const spaceAsPlus: Encoder = (text) => percentEncode(text).replace(/%20/g, '+');

/** No encoding at all. */
export const identity: Encoder = (text) => text;
