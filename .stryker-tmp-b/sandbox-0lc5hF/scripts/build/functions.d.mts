// @ts-nocheck
// Types of functions.mjs for the tests that read the build targets.
export declare const FUNCTION_NAMES: string[];
export declare const targets: Array<{ entryPoints: string[]; outfile: string; [option: string]: unknown }>;
