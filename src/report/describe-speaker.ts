// One wording for who spoke, in every output: "Kirby (us), told reporters, not
// on record". The channel is stored as a phrase ("told Reuters", "Israeli
// media"), so it is printed as it stands, never behind a "via".
import type { ParleyEvent } from '../domain/event-schema.js';

type Attribution = NonNullable<ParleyEvent['attribution']>;

/** How to show the party a speaker speaks for (its id by default); null leaves it out. */
export type PartyName = ((id: string) => string) | null;

/** The speaker, whom they speak for, the channel and whether on record; 'unattributed' without an attribution. Pure. */
export function describeSpeaker(a: Attribution | undefined, party: PartyName = (id) => id): string {
  if (a === undefined) return 'unattributed';
  return `${a.speaker}${a.party && party ? ` (${party(a.party)})` : ''}${a.via ? `, ${a.via}` : ''}${a.onRecord ? '' : ', not on record'}`;
}
