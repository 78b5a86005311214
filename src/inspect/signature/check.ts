import type { KeyObject } from 'node:crypto';
import { isRsaMethod, isSignatureMethod } from '../../oauth/methods.js';
import type { OAuthRequestView } from '../../exchange/request-view.js';
import { diffBaseStrings, type BaseStringDiff } from './diff.js';
import { baseStringOf, keyOf, reproduces, rfcRecipe, type Recipe, type Verifier } from './recipe.js';
import { VARIANTS, type Candidate, type Variant, type VariantContext, type VariantId } from './variants.js';

/**
 * Checks one captured signature. With the secrets (or the RSA public key) it
 * recomputes the RFC 5849 signature; when that does not match, it tries each
 * variant from the table, then pairs of them, and reports the first that
 * reproduces the signature that was sent. When the server echoed its own
 * base string, that is compared directly — no secrets needed.
 */

type SignatureCheckStatus = 'match' | 'variant' | 'no-match' | 'unchecked';

export interface SignatureCheck {
  readonly status: SignatureCheckStatus;
  /** Whether the signature sent is the RFC 5849 one. */
  readonly matches: boolean;
  /** The variant that reproduces the signature sent, or null. */
  readonly variant: string | null;
  readonly variants: readonly VariantId[];
  readonly details: readonly string[];
  /** Other single variants that give exactly the same result for this request (equally good explanations). */
  readonly equivalents: readonly VariantId[];
  readonly signatureMethod: string;
  /** The base string RFC 5849 gives for the request as captured. */
  readonly expectedBaseString: string;
  /** The base string that reproduces the signature sent, when found. */
  readonly signedBaseString?: string | undefined;
  /** First difference between the two, when they differ. */
  readonly diff?: BaseStringDiff | undefined;
  /** Why the signature could not be checked (a stable code; the text lives in src/inspect/text.ts). */
  readonly reason?: UncheckedReason | undefined;
  /** Where the token secret came from. */
  readonly tokenSecretFrom?: 'flag' | 'capture' | 'none' | undefined;
  /** How many alternative recipes were tried. */
  readonly tried: number;
  readonly server?: ServerBaseStringCheck | undefined;
}

interface ServerBaseStringCheck {
  readonly baseString: string;
  /** Whether the server's base string equals the RFC 5849 one we computed. */
  readonly matchesOurs: boolean;
  /** The variant that turns our base string into the server's, when one does. */
  readonly variant: string | null;
  readonly variants: readonly VariantId[];
  readonly details: readonly string[];
  readonly diff?: BaseStringDiff | undefined;
}

export interface SignatureCheckInput {
  readonly view: OAuthRequestView;
  readonly consumerSecret?: string | undefined;
  readonly tokenSecret?: string | undefined;
  readonly tokenSecretFrom?: 'flag' | 'capture' | 'none' | undefined;
  readonly publicKey?: KeyObject | undefined;
  /** Secrets of other tokens seen in the capture. */
  readonly otherTokenSecrets?: readonly string[] | undefined;
  /** debug_sbs / oauth_signature_base_string from the response. */
  readonly serverBaseString?: string | undefined;
}

interface Found {
  readonly recipe: Recipe;
  readonly variants: VariantId[];
  readonly details: string[];
  readonly equivalents: VariantId[];
}

/** Single variants after `from` whose candidates land on the same recipe key. */
function equivalentsOf(key: string, from: Variant, start: Recipe, context: VariantContext, variants: readonly Variant[], seenKey: (r: Recipe) => string): VariantId[] {
  const later = variants.slice(variants.indexOf(from) + 1);
  return later.filter((v) => v.apply(start, context).some((c) => seenKey(c.recipe) === key)).map((v) => v.id);
}

function fingerprint(recipe: Recipe, method: string): string {
  const key = keyOf(recipe) ?? '';
  if (method === 'PLAINTEXT') return `${key}\u0000${recipe.signature}`;
  return `${baseStringOf(recipe)}\u0000${key}\u0000${recipe.signature}\u0000${recipe.hash ?? ''}`;
}

/**
 * Walks single variants, then ordered pairs of variants, calling `test` on
 * each new recipe until it returns true. Variants marked `alone` are tried
 * only by themselves.
 */
function search(start: Recipe, context: VariantContext, variants: readonly Variant[], seenKey: (r: Recipe) => string, test: (r: Recipe) => boolean): { found?: Found; tried: number } {
  const seen = new Set([seenKey(start)]);
  let tried = 0;
  const firstLevel: { variant: Variant; candidate: Candidate }[] = [];
  for (const variant of variants) {
    for (const candidate of variant.apply(start, context)) {
      const key = seenKey(candidate.recipe);
      if (seen.has(key)) continue;
      seen.add(key);
      tried++;
      if (test(candidate.recipe)) {
        const equivalents = equivalentsOf(key, variant, start, context, variants, seenKey);
        return { found: { recipe: candidate.recipe, variants: [variant.id], details: candidate.detail ? [candidate.detail] : [], equivalents }, tried };
      }
      if (!variant.alone) firstLevel.push({ variant, candidate });
    }
  }
  for (const first of firstLevel) {
    const after = variants.slice(variants.indexOf(first.variant) + 1).filter((v) => !v.alone);
    for (const second of after) {
      for (const candidate of second.apply(first.candidate.recipe, context)) {
        const key = seenKey(candidate.recipe);
        if (seen.has(key)) continue;
        seen.add(key);
        tried++;
        if (test(candidate.recipe)) {
          const details = [first.candidate.detail, candidate.detail].filter((d): d is string => d !== undefined);
          return { found: { recipe: candidate.recipe, variants: [first.variant.id, second.id], details, equivalents: [] }, tried };
        }
      }
    }
  }
  return { tried };
}

function checkServerBaseString(start: Recipe, context: VariantContext, serverBaseString: string, expected: string): ServerBaseStringCheck {
  if (serverBaseString === expected) return { baseString: serverBaseString, matchesOurs: true, variant: null, variants: [], details: [] };
  const baseStringVariants = VARIANTS.filter((v) => v.part === 'base-string');
  const { found } = search(start, context, baseStringVariants, baseStringOf, (r) => baseStringOf(r) === serverBaseString);
  return {
    baseString: serverBaseString,
    matchesOurs: false,
    variant: found ? found.variants.join('+') : null,
    variants: found?.variants ?? [],
    details: found?.details ?? [],
    diff: diffBaseStrings(expected, serverBaseString),
  };
}

type UncheckedReason = 'no-signature-method' | 'unknown-signature-method' | 'rsa-needs-public-key' | 'no-consumer-secret' | 'unknown-token-secret';

function uncheckedReason(method: string, input: SignatureCheckInput): UncheckedReason {
  if (method === '') return 'no-signature-method';
  if (!isSignatureMethod(method)) return 'unknown-signature-method';
  if (isRsaMethod(method)) return 'rsa-needs-public-key';
  if (input.consumerSecret === undefined) return 'no-consumer-secret';
  return 'unknown-token-secret';
}

export function checkSignature(input: SignatureCheckInput): SignatureCheck {
  const view = input.view;
  const method = (view.get('oauth_signature_method') ?? '').toUpperCase();
  const start = rfcRecipe(view, { consumerSecret: input.consumerSecret, tokenSecret: input.tokenSecret });
  const expected = baseStringOf(start);
  const context: VariantContext = { view, otherTokenSecrets: input.otherTokenSecrets ?? [], signatureMethod: method };
  const server = input.serverBaseString === undefined ? undefined : checkServerBaseString(start, context, input.serverBaseString, expected);
  const verifier: Verifier = { signatureMethod: method, publicKey: input.publicKey };
  const base = { signatureMethod: method, expectedBaseString: expected, tokenSecretFrom: input.tokenSecretFrom, server };

  const tokenSent = view.get('oauth_token');
  const secretUnknown = tokenSent !== undefined && tokenSent !== '' && input.tokenSecret === undefined && !isRsaMethod(method);
  const direct = reproduces(start, verifier);
  if (direct === true) return { ...base, status: 'match', matches: true, variant: null, variants: [], details: [], equivalents: [], tried: 1 };
  if (direct === undefined || secretUnknown) {
    return { ...base, status: 'unchecked', matches: false, variant: null, variants: [], details: [], equivalents: [], tried: 0, reason: uncheckedReason(method, input) };
  }
  const { found, tried } = search(start, context, VARIANTS, (r) => fingerprint(r, method), (r) => reproduces(r, verifier) === true);
  if (!found) return { ...base, status: 'no-match', matches: false, variant: null, variants: [], details: [], equivalents: [], tried: tried + 1 };
  const signedBaseString = baseStringOf(found.recipe);
  return {
    ...base,
    status: 'variant',
    matches: false,
    variant: found.variants.join('+'),
    variants: found.variants,
    details: found.details,
    equivalents: found.equivalents,
    signedBaseString,
    diff: method === 'PLAINTEXT' ? undefined : diffBaseStrings(expected, signedBaseString),
    tried: tried + 1,
  };
}
