// Types for codegen-hashes.mjs (plain JavaScript so the fast check runs without tsx).
export declare const TARGETS: { file: string; output: string }[];
export declare const sha256: (text: string) => string;
export declare function generatorHash(root?: string): string;
export declare function withHeader(file: string, spec: string, generator: string, body: string): string;
export declare function isCurrent(root: string, target: { file: string; output: string }, generator: string): boolean;
