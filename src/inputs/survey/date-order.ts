/**
 * Day/month order across a date column (docs/file-formats.md, "Dates": "a day/month order that the values
 * leave ambiguous is an error unless the mapping says `date-format`"). Rows are read one at a time,
 * so a row whose date could be read either way waits, with every row after it (to keep input
 * order), until a value settles the order (a day above 12) or the waiting list is full; what is
 * still open then is one finding. A value that contradicts the settled order is one finding too.
 */
import type { AnswerSet } from '../../core/answers.js';
import { readDate, type DateReading } from './dates.js';
import type { DateFormat } from './mapping.js';

/** Rows held while the order is open: enough for any real export to settle, bounded for a hostile one. */
const MAX_WAITING = 10_000;

type Order = 'DMY' | 'MDY';

interface Waiting {
  readonly set: AnswerSet;
  readonly either: { dmy: string; mdy: string } | undefined;
}

interface DateProblem {
  readonly kind: 'ambiguous' | 'mixed';
  readonly row: number;
  readonly value: string;
}

/** A row's answers, made by rowAnswers for this reader alone: its date is set here, not copied. */
export type UndatedSet = Omit<AnswerSet, 'date'> & { date?: string | undefined };

const dated = (set: UndatedSet, date: string | undefined): AnswerSet => {
  set.date = date;
  return set as AnswerSet;
};

export class DateOrder {
  private order: Order | undefined;
  private readonly waiting: Waiting[] = [];
  private firstOpen: { row: number; value: string } | undefined;

  constructor(
    private readonly format: DateFormat | undefined,
    private readonly layoutOrder: Order | undefined,
    private readonly date1904: boolean,
    private readonly emit: (set: AnswerSet) => void,
    private readonly problem: (p: DateProblem) => void,
  ) {}

  /** Whether rows are waiting for the order to settle: a row then waits too, in input order. */
  get holding(): boolean {
    return this.waiting.length > 0;
  }

  /** The order dates are read in now (the mapping's, the one the values settled, or the layout's). */
  get readOrder(): DateFormat | undefined {
    return this.format ?? this.order ?? this.layoutOrder;
  }

  read(raw: string): DateReading {
    return readDate(raw, this.format ?? this.order ?? this.layoutOrder, this.date1904);
  }

  /** Hands on a row's set with its date reading (undefined: no date column or an empty cell). */
  add(set: UndatedSet, reading: DateReading | undefined, row: number, raw: string): void {
    let either: Waiting['either'];
    let iso: string | undefined;
    if (reading?.kind === 'date') iso = reading.iso;
    else if (reading?.kind === 'either') either = reading;
    else if (reading?.kind === 'settles') {
      if (this.order !== undefined && this.order !== reading.order) this.problem({ kind: 'mixed', row, value: raw });
      else this.settle(reading.order);
      iso = reading.iso;
    }
    if (either && !this.firstOpen) this.firstOpen = { row, value: raw };
    if (either || this.waiting.length > 0) {
      this.waiting.push({ set: dated(set, iso), either });
      if (this.waiting.length >= MAX_WAITING) this.giveUp();
      return;
    }
    this.emit(dated(set, iso));
  }

  /** The end of the rows: anything still waiting has an order no value settled. */
  finish(): void {
    if (this.waiting.length > 0) this.giveUp();
  }

  private settle(order: Order): void {
    this.order = order;
    for (const w of this.waiting.splice(0)) {
      this.emit(w.either ? dated(w.set, order === 'DMY' ? w.either.dmy : w.either.mdy) : dated(w.set, w.set.date));
    }
  }

  private giveUp(): void {
    if (this.firstOpen) this.problem({ kind: 'ambiguous', ...this.firstOpen });
    this.firstOpen = undefined;
    for (const w of this.waiting.splice(0)) this.emit(dated(w.set, w.either ? undefined : w.set.date));
  }
}
