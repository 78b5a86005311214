export const EXIT_CODES_HELP = `Exit codes:
  0    success (for explain: a problem was recognised)
  1    the provider refused and oauth-doctor diagnosed why (for explain: nothing recognised)
  2    usage or configuration error (a flag, a file, an input)
  3    network or TLS failure
  4    timed out waiting for the person or the callback
  130  interrupted (Ctrl-C)`;

export const SECRETS_HELP = `Secrets:
  Secrets are masked in all output unless --show-secrets is given. Flags on the
  command line are visible to other users in ps: in CI pass credentials as
  OAUTH_CONSUMER_KEY, OAUTH_CONSUMER_SECRET, OAUTH_TOKEN, OAUTH_TOKEN_SECRET and
  OAUTH_PRIVATE_KEY_FILE instead.`;
