/**
 * Which part holds which sheet (ECMA-376 Part 1, §18.2.19 `sheet`, and the package relationships
 * of Part 2): `xl/workbook.xml` lists the sheets in tab order with a relationship id, and
 * `xl/_rels/workbook.xml.rels` maps each id to its part. Also the workbook's date system, since a
 * workbook saved with the 1904 system counts its serial dates from another day (§18.2.28).
 */
import { attribute, xmlText } from './xml-text.js';

interface SheetPart {
  readonly name: string;
  readonly part: string;
}

interface WorkbookInfo {
  readonly sheets: readonly SheetPart[];
  readonly date1904: boolean;
}

export function workbookInfo(workbookXml: string, relsXml: string): WorkbookInfo {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attribute(m[1]!, 'Id');
    const target = attribute(m[1]!, 'Target');
    if (id !== undefined && target !== undefined) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: SheetPart[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const name = attribute(m[1]!, 'name');
    const id = attribute(m[1]!, 'id'); // r:id, in the relationships namespace
    const part = id !== undefined ? targets.get(id) : undefined;
    if (name !== undefined && part !== undefined) sheets.push({ name: xmlText(name), part: normalise(part) });
  }
  const pr = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(workbookXml);
  const flag = pr ? attribute(pr[1]!, 'date1904') : undefined;
  return { sheets, date1904: flag === '1' || flag === 'true' };
}

/** `xl/worksheets/../worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`. */
function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}
