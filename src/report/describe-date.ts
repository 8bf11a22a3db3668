// One wording for a reported date in running text: a day is "on 2024-08-23",
// a month-precision date ("2024-06") is "in June 2024", never "on 2024-06".
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2024-08-23" as it stands, "2024-06" as "June 2024"; anything else unchanged. Pure. */
export function dateWords(date: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(date);
  const name = month ? MONTHS[Number(month[2]) - 1] : undefined;
  return month && name ? `${name} ${month[1]}` : date;
}

/** "on 2024-08-23" for a day, "in June 2024" for a month. Pure. */
export function onDate(date: string): string {
  return dateWords(date) === date ? `on ${date}` : `in ${dateWords(date)}`;
}
