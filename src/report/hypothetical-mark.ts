// How every output marks a value or event that rests on a hypothetical event.
export const HYPOTHETICAL_MARK = '[hypothetical]';
