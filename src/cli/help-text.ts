export const EXIT_CODES_HELP = `Exit codes:
  0    success (for explain: a problem was recognised)
  1    the provider refused and oauth-doctor diagnosed why
       (explain: nothing recognised; inspect: something found)
  2    usage or configuration error (a flag, a file, an input)
  3    network or TLS failure
  4    timed out waiting for the person or the callback
  70   internal error: a bug in oauth-doctor (please report it)
  130  interrupted (Ctrl-C)`;

export const SECRETS_HELP = `Secrets:
  Secrets are masked in all output unless --show-secrets is given. Flags on the
  command line are visible to other users in ps: in CI pass credentials as
  OAUTH_CONSUMER_KEY, OAUTH_CONSUMER_SECRET, OAUTH_TOKEN, OAUTH_TOKEN_SECRET and
  OAUTH_PRIVATE_KEY_FILE instead, or (flow) in a JSON profile of mode 0600
  given with --provider FILE.`;

/** serve takes a test consumer's secret on the command line (issue 7: say so in --help). */
export const SERVE_SECRETS_HELP = `Secrets:
  The secret in --consumer KEY:SECRET is visible to other users in ps. Give
  consumers in OAUTH_DOCTOR_CONSUMERS="key1:secret1,key2:secret2" or in
  --consumers-file FILE (one KEY:SECRET per line, # comments; refused if other
  users can read it) instead, or leave them out and use the generated consumer
  (its secret is printed once, on start). Registered secrets are masked in all
  output unless --show-secrets is given; the --state file holds the issued
  tokens and is written with mode 0600.`;

/**
 * Issue 15 item 12: explain and inspect answer different questions, so their
 * exit statuses differ on purpose; both --helps and the README say why.
 */
export const EXPLAIN_INSPECT_EXIT_NOTE = `Why explain and inspect differ: explain is given an error you already have,
  so its job is done (0) when it recognises it; inspect is given a capture
  that may be fine, so finding a problem is the news (1), as for grep or diff.
  In a script: explain ... || echo "not recognised"; inspect ... && echo "clean".`;
