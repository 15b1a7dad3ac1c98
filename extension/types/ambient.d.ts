// Declarations for what tsc cannot see by itself (extension/tsconfig.json).

// build.mjs bundles `import css from './x.css'` as the file's text (esbuild's text loader).
declare module '*.css' {
  const text: string;
  export default text;
}

// Firefox content scripts: a copy of `obj` the page's scripts may read.
declare function cloneInto<T>(obj: T, target: object | null): T;

// The wasm-bindgen glue build.mjs copies into pkg/ (the core's src/wasm.rs): what the
// service worker uses of it.
declare module '*/pkg/postwacht.js' {
  export default function init(options?: { module_or_path: string | URL }): Promise<unknown>;
  export class Checker {
    constructor(policyJson?: string | null);
    static lenient(policyJson?: string | null): Checker;
    static forExtension(policyJson: string, teacherRulesJson: string, managed: boolean): Checker;
    check(postJson: string): unknown;
    problems(): string[];
    ruleRows(): Array<{ id: string; category: string; default: string; school: string; teacher: string | null; effective: string; locked: boolean }>;
    extensionSettings(): { sites: string[]; allow_pause: boolean; allow_override: boolean; override_needs_reason: boolean };
    schoolName(): string;
    free?(): void;
  }
}

// The second wasm module's glue (crates/postwacht-image/src/wasm.rs), loaded on the first photo.
declare module '*/pkg/postwacht_image.js' {
  export default function init(options?: { module_or_path: string | URL }): Promise<unknown>;
  export function inspectImage(bytes: Uint8Array): { faces?: unknown[] | null; [key: string]: unknown };
  export function stripMetadata(bytes: Uint8Array): Uint8Array;
}
