// The only module that imports inquirer, and only ever through `await import()`
// (see prompts.ts). The two prompts come from their own packages rather than
// from @inquirer/prompts: esbuild cannot tree-shake that index, which drags in
// the editor prompt with iconv-lite and chardet (a 0.8 MB chunk instead of 0.1 MB).
export { default as input } from '@inquirer/input';
export { default as select, Separator } from '@inquirer/select';
