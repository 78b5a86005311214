// Types for bench/captures.mjs, which test/hostile/huge-captures.test.ts imports too.
type Sign = (input: never) => { authorization: string };
export declare const CONSUMER_SECRET: string;
export declare function writeHar(file: string, count: number, options?: { base64BodyBytes?: number; sign?: Sign; flowLength?: number }): Promise<void>;
export declare function writeCurl(file: string, count: number, options?: { sign?: Sign }): Promise<void>;
export declare function writeRawHttp(file: string, count: number, options?: { sign?: Sign }): Promise<void>;
export declare function writeCurlManyHeaders(file: string, headers: number): Promise<void>;
