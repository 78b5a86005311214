/**
 * application/x-www-form-urlencoded, as OAuth 2.0 uses it (RFC 6749
 * Appendix B: the HTML form serialisation, space as `+`), in the order given:
 * a debugger keeps the caller's order so the bytes shown are the bytes sent.
 */
export type FormPairs = readonly (readonly [name: string, value: string])[];

export function formEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}

export function encodeForm(pairs: FormPairs): string {
  return pairs.map(([name, value]) => `${formEncode(name)}=${formEncode(value)}`).join('&');
}
