/** `1 problem`, `3 problems`; an irregular plural is given (`1 person`, `2 people`). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
