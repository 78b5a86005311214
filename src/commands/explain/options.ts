// The explain command's options as commander parses them: a leaf of its own, so
// command.ts and the modules it loads lazily both read it without importing
// each other (issue 13: no import cycle).
export interface ExplainOptions {
  session?: string;
  status?: string;
  header: string[];
  lang?: string;
  json?: boolean;
  showSecrets?: boolean;
}
