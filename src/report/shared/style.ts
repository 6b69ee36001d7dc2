/**
 * Colour and emphasis, injected into formatters so that the core never
 * imports chalk: the CLI passes a chalk-backed style when colour is on
 * (the `--color` / NO_COLOR / FORCE_COLOR rule of the README), `plainStyle` otherwise.
 */
export interface Style {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly underline: (s: string) => string;
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly green: (s: string) => string;
  readonly cyan: (s: string) => string;
}

const same = (s: string): string => s;

export const plainStyle: Style = {
  bold: same,
  dim: same,
  underline: same,
  red: same,
  yellow: same,
  green: same,
  cyan: same,
};
