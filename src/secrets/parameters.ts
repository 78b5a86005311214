/**
 * The one list of parameters whose values are credentials (issue 13): what
 * flow, inspect, the redactor and the pasted-text scanner all mask. A row
 * per name, with what the value is and where it is defined.
 *
 * `token`: identifies a grant; shown whole in a base string (it is signed as
 * is, issue 15 item 5) and fingerprinted in evidence. `key`: signs or
 * authenticates; never shown, not even in a base string (it is never in one).
 */
type CredentialKind = 'token' | 'key';

interface CredentialParameter {
  readonly name: string;
  readonly kind: CredentialKind;
  /** The OAuth 1.0a names are the ones a base string can carry. */
  readonly protocol: 'oauth1' | 'oauth2' | 'other';
  readonly source: string;
}

const CREDENTIAL_PARAMETERS: readonly CredentialParameter[] = [
  { name: 'oauth_token', kind: 'token', protocol: 'oauth1', source: 'RFC 5849 §2.1, §2.3' },
  { name: 'oauth_token_secret', kind: 'key', protocol: 'oauth1', source: 'RFC 5849 §2.1, §2.3' },
  { name: 'oauth_verifier', kind: 'token', protocol: 'oauth1', source: 'RFC 5849 §2.2' },
  { name: 'oauth_session_handle', kind: 'token', protocol: 'oauth1', source: 'OAuth Session 1.0 Draft 1 §4.1' },
  // Not a protocol parameter: the name configuration files and pasted logs give the consumer secret.
  { name: 'oauth_consumer_secret', kind: 'key', protocol: 'oauth1', source: 'RFC 5849 §3.4.2 (the consumer secret)' },
  // X sends the refused request token back as denied=<token> on the callback.
  { name: 'denied', kind: 'token', protocol: 'oauth1', source: 'src/knowledge/provider-codes.ts (x: denied)' },
  { name: 'client_secret', kind: 'key', protocol: 'oauth2', source: 'RFC 6749 §2.3.1' },
  { name: 'refresh_token', kind: 'token', protocol: 'oauth2', source: 'RFC 6749 §1.5, §5.1' },
  { name: 'access_token', kind: 'token', protocol: 'oauth2', source: 'RFC 6749 §1.4, §5.1; RFC 6750 §2.3' },
  { name: 'code_verifier', kind: 'key', protocol: 'oauth2', source: 'RFC 7636 §4.1' },
  { name: 'client_assertion', kind: 'key', protocol: 'oauth2', source: 'RFC 7521 §4.2; RFC 7523 §2.2' },
  { name: 'password', kind: 'key', protocol: 'oauth2', source: 'RFC 6749 §4.3.2 (the resource owner password grant)' },
  // Not OAuth parameters: what pasted logs of the providers' own sign-ins and SDKs quote beside an OAuth error.
  { name: 'security_token', kind: 'key', protocol: 'other', source: 'Salesforce SOAP login(): the password followed by the security token' },
  { name: 'aws_secret_access_key', kind: 'key', protocol: 'other', source: 'AWS CLI configuration and credentials files' },
  { name: 'aws_session_token', kind: 'key', protocol: 'other', source: 'AWS CLI configuration and credentials files' },
  { name: 'SecretAccessKey', kind: 'key', protocol: 'other', source: 'AWS STS Credentials (AssumeRole responses)' },
  { name: 'SessionToken', kind: 'key', protocol: 'other', source: 'AWS STS Credentials (AssumeRole responses)' },
];

/** Every credential parameter name, longest first (so a pattern built from them prefers oauth_token_secret to oauth_token). */
export const CREDENTIAL_NAMES: readonly string[] = CREDENTIAL_PARAMETERS.map((p) => p.name).sort((a, b) => b.length - a.length);

const ALL = new Set(CREDENTIAL_NAMES);

/** True when a parameter's value is a credential: masked when shown, redacted everywhere, fingerprinted in evidence. */
export function isCredentialParameter(name: string): boolean {
  return ALL.has(name);
}

/**
 * The OAuth 1.0a tokens that a signature base string carries as signed:
 * kept byte for byte when a base string is shown (the redactor still masks
 * every key). X's `denied` travels only on the callback, never signed.
 */
export const BASE_STRING_TOKENS: ReadonlySet<string> = new Set(CREDENTIAL_PARAMETERS.filter((p) => p.protocol === 'oauth1' && p.kind === 'token' && p.name !== 'denied').map((p) => p.name));
