// Types for scripts/knowledge-tables.mjs, which test/package/knowledge-files.test.ts imports too.
export declare function knowledgeFileFor(values: Record<string, object>, indexes?: Record<string, readonly string[]>): string;
export declare function loaderSource(dirExpression: string): string;
