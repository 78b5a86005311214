// The demo command's options as commander parses them: a leaf of its own, so
// command.ts and the modules it loads lazily both read it without importing
// each other (issue 13: no import cycle).
export interface DemoOptions {
  json?: boolean;
  verbose?: boolean;
  lang?: string;
  only?: string;
  protocol?: string;
  timeout: string;
}
