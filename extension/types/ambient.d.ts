// Declarations for what tsc cannot see by itself (extension/tsconfig.json).

// build.mjs bundles `import css from './x.css'` as the file's text (esbuild's text loader).
declare module '*.css' {
  const text: string;
  export default text;
}

// Firefox content scripts: a copy of `obj` the page's scripts may read.
declare function cloneInto<T>(obj: T, target: object | null): T;
