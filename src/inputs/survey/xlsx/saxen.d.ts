/**
 * The part of saxen's API (its README, "Supported Hooks" and "Streaming Mode") that read-xlsx.ts
 * uses; the package ships no types of its own. Without `ns()` names and attribute keys are as
 * written (`x:row`, `r:id`), and text and attribute values come with their entities undecoded.
 */
declare module 'saxen' {
  type Attributes = () => Record<string, string> | false;

  export class Parser {
    on(event: 'openTag', handler: (name: string, attributes: Attributes, decode: (text: string) => string, selfClosing: boolean) => void): this;
    on(event: 'closeTag', handler: (name: string) => void): this;
    on(event: 'text' | 'cdata', handler: (text: string) => void): this;
    on(event: 'error', handler: (error: Error) => void): this;
    /** A whole document; a parse error goes to the `error` handler. */
    parse(xml: string): Error | null;
    /** The next piece of a document, cut anywhere; an incomplete token waits for the next piece. */
    write(xml: string): this;
    /** No more pieces: what is still open or incomplete is an error. */
    end(): Error | null;
  }
}
