import type { Environment } from '../../cli/environment.js';
import { createOutput } from '../../cli/output.js';
import { checkCredentialName, readCredentials, removeCredential } from '../../credentials/store.js';
import { ExitCode, usageError } from '../../errors.js';
import type { CredentialsOptions } from './options.js';

/** `credentials list`: each name with its consumer key, what signs it, and the secrets masked. */
export async function runCredentialsList(options: CredentialsOptions, env: Environment): Promise<ExitCode> {
  const { path, credentials } = readCredentials(env.env);
  const output = await createOutput(env, { showSecrets: options.showSecrets });
  for (const c of Object.values(credentials)) {
    if (c.protocol === 'oauth2') output.redactor.add(c.accessToken).add(c.refreshToken);
    else output.redactor.add(c.consumerSecret).add(c.token).add(c.tokenSecret);
  }
  const entries = Object.entries(credentials);
  if (options.json) {
    output.json({ path, credentials: entries.map(([name, c]) => ({ name, ...c })), secretsMasked: output.redactor.active });
    return ExitCode.Ok;
  }
  if (entries.length === 0) {
    output.narrate(`no saved credentials (${path}); save one with flow --save-credentials NAME or request --save-credentials NAME`);
    return ExitCode.Ok;
  }
  const o = output.out;
  const width = Math.max(...entries.map(([n]) => n.length));
  for (const [name, c] of entries) {
    if (c.protocol === 'oauth2') {
      const extra = ['OAuth 2.0', c.provider, c.expiresAt ? `expires ${c.expiresAt.slice(0, 16).replace('T', ' ')}` : undefined, c.savedAt?.slice(0, 10)].filter(Boolean).join(', ');
      output.result(`${o.bold(name.padEnd(width))}  client ${c.clientId} · access token ${output.redactor.mask(c.accessToken)}${c.refreshToken ? ` · refresh token ${output.redactor.mask(c.refreshToken)}` : ''}${o.dim(`  (${extra})`)}`);
      continue;
    }
    const signing = c.privateKeyFile ? `key ${c.privateKeyFile}` : `secret ${output.redactor.mask(c.consumerSecret ?? '')}`;
    const token = c.token ? `token ${output.redactor.mask(c.token)} / ${output.redactor.mask(c.tokenSecret ?? '')}` : o.dim('no token');
    const extra = [c.signatureMethod, c.provider, c.savedAt?.slice(0, 10)].filter(Boolean).join(', ');
    output.result(`${o.bold(name.padEnd(width))}  consumer ${c.consumerKey} · ${signing} · ${token}${extra ? o.dim(`  (${extra})`) : ''}`);
  }
  output.narrate(output.err.dim(`${entries.length} in ${path}`));
  return ExitCode.Ok;
}

/** `credentials remove NAME`: exit 0 when removed, 2 when there was none of that name. */
export async function runCredentialsRemove(name: string, env: Environment): Promise<ExitCode> {
  checkCredentialName(name, 'NAME');
  const { path, removed } = removeCredential(env.env, name);
  if (!removed) throw usageError('unknown-credential', `no credential named ${name} in ${path}`, 'see oauth-doctor credentials list');
  const output = await createOutput(env);
  output.narrate(`removed ${name} from ${path}`);
  return ExitCode.Ok;
}
