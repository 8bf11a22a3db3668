// One wording for a reported date in running text: a day is "on 2024-08-23",
// a month-precision date ("2024-06") is "in June 2024", never "on 2024-06", and
// a week-precision one "in the week of 2024-08-18": the day is only the log's
// dating of a week the source left open.
import { isIsoMonth } from '../domain/dates.js';
import type { ParleyEvent } from '../domain/event-schema.js';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2024-08-23" as it stands, "2024-06" as "June 2024"; anything else unchanged. Pure. */
export function dateWords(date: string): string {
  return isIsoMonth(date) ? `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}` : date;
}

/** "on 2024-08-23" for a day, "in the week of 2024-08-18" for a week, "in June 2024" for a month. Pure. */
export function onDate(date: string, precision: ParleyEvent['precision'] = 'day'): string {
  const words = dateWords(date);
  if (words !== date) return `in ${words}`;
  return precision === 'week' ? `in the week of ${date}` : `on ${date}`;
}
