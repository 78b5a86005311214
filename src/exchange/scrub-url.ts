import { fingerprintToken } from '../diagnose/fingerprint.js';
import { CREDENTIAL_NAMES } from '../secrets/parameters.js';

/**
 * The one URL scrubber (issue 13): the URL with every credential in its
 * query (oauth_token, oauth_verifier, X's denied, an OAuth 2.0 access_token,
 * …; src/secrets/parameters.ts) replaced by its fingerprint, so evidence and
 * session files never hold a token but two legs can still be tied by one.
 * Text that is no URL is returned as it is (it holds no query to scrub).
 */
export function urlWithoutSecrets(url: string | URL): string {
  let copy: URL;
  try {
    copy = new URL(typeof url === 'string' ? url : url.href);
  } catch {
    return typeof url === 'string' ? url : url.href;
  }
  for (const name of CREDENTIAL_NAMES) {
    const value = copy.searchParams.get(name);
    if (value !== null) copy.searchParams.set(name, fingerprintToken(value));
  }
  return copy.href;
}
