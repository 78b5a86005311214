import type { DialectName } from '../options.js';
import { jiraDialect } from './jira.js';
import { oauthlibDialect } from './oauthlib.js';
import { problemReporting } from './problem-reporting.js';
import type { Dialect } from './types.js';
import { xDialect } from './x.js';

export const DIALECT_WRITERS: Record<DialectName, Dialect> = {
  'problem-reporting': problemReporting,
  x: xDialect,
  oauthlib: oauthlibDialect,
  jira: jiraDialect,
};

export type { Dialect, DialectContext } from './types.js';
