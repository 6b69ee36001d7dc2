// The only modules that import inquirer (this one and choose.ts, which it
// re-exports), and only ever through `await import()` (see prompts.ts). The
// note prompt comes from its own package rather than from @inquirer/prompts:
// esbuild cannot tree-shake that index, which drags in the editor prompt with
// iconv-lite and chardet (a 0.8 MB chunk instead of 0.1 MB).
export { default as input } from '@inquirer/input';
export { choose } from './choose.js';
