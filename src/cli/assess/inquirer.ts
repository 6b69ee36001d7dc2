// The only modules that import inquirer (this one and the prompts it
// re-exports), and only ever through `await import()` (see prompts.ts; the
// pause after the intro, press-enter.ts, is drawn without it). Every
// prompt is built on @inquirer/core alone: @inquirer/prompts' index cannot be
// tree-shaken by esbuild and drags in the editor prompt with iconv-lite and
// chardet (a 0.8 MB chunk instead of 0.1 MB).
export { choose } from './choose.js';
export { noteInput } from './note-input.js';
