/**
 * Finds an out-of-band verifier (the PIN) in an authorisation page, for
 * `--authorize http` with `--callback oob`, where no person reads the page.
 * Table-driven: each pattern is a way a provider shows the PIN. The value
 * must look like a verifier (letters, digits, `-_.~`), never markup.
 */
const PIN_PATTERNS: readonly RegExp[] = [
  // A form field or element named or labelled oauth_verifier (our embedded provider, many servers).
  /name=["']?oauth_verifier["']?[^>]*\bvalue=["']([A-Za-z0-9\-._~]{4,128})["']/i,
  /\bvalue=["']([A-Za-z0-9\-._~]{4,128})["'][^>]*name=["']?oauth_verifier["']?/i,
  /id=["']oauth_(?:verifier|pin)["'][^>]*>\s*([A-Za-z0-9\-._~]{4,128})\s*</i,
  /data-oauth-verifier=["']([A-Za-z0-9\-._~]{4,128})["']/i,
  // X/Twitter's PIN page: <kbd …><code>1234567</code></kbd>
  /<kbd[^>]*>\s*<code>\s*([0-9]{4,12})\s*<\/code>\s*<\/kbd>/i,
  // A plain-text rendering: oauth_verifier=… or "verifier: …"
  /\boauth_verifier=([A-Za-z0-9\-._~]{4,128})/,
  /\b(?:verifier|PIN)(?: code)?\s*(?:is)?\s*[:=]\s*<?[^A-Za-z0-9<]{0,3}([A-Za-z0-9\-._~]{4,128})/i,
];

export function findVerifierInPage(page: string): string | undefined {
  for (const pattern of PIN_PATTERNS) {
    const match = pattern.exec(page);
    if (match?.[1]) return match[1];
  }
  return undefined;
}
