/**
 * What a JSON report may carry besides the figures a comparison needs: the
 * plan and each item's notes and evidence, shown by the HTML progress report
 * for the follow-up, and the organisation and fieldwork dates of its header. Optional and read leniently: a field missing or not
 * shaped as `score --format json` writes it is left out, never an error, so a
 * report from another svcaudit version still compares.
 */
import type { Quote, ShownPlanStep } from '../../scoring/report.js';
import { isMapping } from '../../core/is-mapping.js';

export function planOf(value: unknown): { plan?: ShownPlanStep[] } {
  if (!Array.isArray(value) || !value.every(isPlanStep)) return {};
  // A report from before plan entries named an owner has none: shown as no owner.
  return { plan: value.map((s: SavedPlanStep) => ({ item: s.item, to: s.to, text: s.text, effort: s.effort, owner: typeof s.owner === 'string' ? s.owner : null, phase: s.phase })) };
}

export function quotesOf(value: unknown): { quotes?: Quote[] } {
  if (!Array.isArray(value) || !value.every(isQuote)) return {};
  return { quotes: value.map((q: Quote) => ({ by: q.by, kind: q.kind, text: q.text, source: q.source })) };
}

export function headerOf(value: { readonly organisation?: unknown; readonly fieldwork?: unknown }): { organisation?: string | null; fieldwork?: { from: string; to: string } | null } {
  const organisation = typeof value.organisation === 'string' || value.organisation === null ? { organisation: value.organisation } : {};
  const f = value.fieldwork;
  const fieldwork = f === null ? { fieldwork: null } : isMapping(f) && isDate(f.from) && isDate(f.to) ? { fieldwork: { from: f.from, to: f.to } } : {};
  return { ...organisation, ...fieldwork };
}

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

type SavedPlanStep = Omit<ShownPlanStep, 'owner'> & { readonly owner?: unknown };

function isPlanStep(v: unknown): v is SavedPlanStep {
  if (!isMapping(v)) return false;
  return typeof v.item === 'string' && typeof v.to === 'number' && typeof v.text === 'string' && ['low', 'medium', 'high'].includes(v.effort as string) && [1, 2, 3, 4].includes(v.phase as number);
}

function isQuote(v: unknown): v is Quote {
  if (!isMapping(v)) return false;
  return (v.by === undefined || typeof v.by === 'string') && (v.kind === 'note' || v.kind === 'evidence') && typeof v.text === 'string' && typeof v.source === 'string';
}
