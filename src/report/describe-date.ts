// One wording for a reported date in running text: a day is "on 2024-08-23",
// a month-precision date ("2024-06") is "in June 2024", never "on 2024-06", and
// a week-precision one "in the week of 2024-08-18": the day is only the log's
// dating of a week the source left open.
import type { ParleyEvent } from '../domain/event-schema.js';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2024-08-23" as it stands, "2024-06" as "June 2024"; anything else unchanged. Pure. */
export function dateWords(date: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(date);
  const name = month ? MONTHS[Number(month[2]) - 1] : undefined;
  return month && name ? `${name} ${month[1]}` : date;
}

/** "on 2024-08-23" for a day, "in the week of 2024-08-18" for a week, "in June 2024" for a month. Pure. */
export function onDate(date: string, precision: ParleyEvent['precision'] = 'day'): string {
  if (dateWords(date) !== date) return `in ${dateWords(date)}`;
  return precision === 'week' ? `in the week of ${date}` : `on ${date}`;
}
