// Types for bench/data.mjs, so the TypeScript tests can import its writers.
/** svcaudit's CSV layout, `rows` respondents named R0, R1, …: the file's path. */
export function surveyCsv(root: string, rows: number): Promise<string>;
/** The follow-up of surveyCsv's respondents, answered anew: the file's path. */
export function followUpCsv(root: string, rows: number): Promise<string>;
/** surveyCsv's rows as a Google Forms export, and the mapping that reads it. */
export function googleFormsCsv(root: string, rows: number): Promise<{ file: string; map: string }>;
