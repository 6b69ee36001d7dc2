// Types for bench/assess-startup.mjs, so the TypeScript tests can import it.
export interface LoadedModules {
  readonly urls: string[];
  /** The URLs that hold inquirer's code (its bundled chunk, or node_modules/@inquirer itself). */
  readonly inquirerUrls: string[];
  readonly inquirer: boolean;
}
export function measureAssessFirstQuestion(options?: { runs?: number }): Promise<number>;
export function measureBareNode(options?: { runs?: number }): Promise<number>;
export function measureAssessAgainstBareNode(options?: { runs?: number }): Promise<{ bare: number; assess: number }>;
export function inquirerChunks(): Set<string>;
export function chunksHolding(test: (input: string) => boolean): Set<string>;
export function listLoadedModules(args: readonly string[], options?: { tty?: boolean; until?: RegExp; cwd?: string }): Promise<LoadedModules>;
