// Who spoke, in one wording for every output.
import { describe, expect, it } from 'vitest';
import { describeSpeaker } from '../src/report/describe-speaker.js';

describe('describeSpeaker', () => {
  it('prints the channel as the phrase it is, after the party, then whether on record', () => {
    expect(describeSpeaker({ speaker: 'Kirby', party: 'us', via: 'told reporters', onRecord: true })).toBe('Kirby (us), told reporters');
    expect(describeSpeaker({ speaker: 'an official', via: 'told Reuters', onRecord: false })).toBe('an official, told Reuters, not on record');
  });

  it('names the party as asked, or leaves it out', () => {
    const a = { speaker: 'Kirby', party: 'us', onRecord: true };
    expect(describeSpeaker(a, (id) => (id === 'us' ? 'United States' : id))).toBe('Kirby (United States)');
    expect(describeSpeaker(a, null)).toBe('Kirby');
  });

  it('says unattributed when no one is named', () => {
    expect(describeSpeaker(undefined)).toBe('unattributed');
  });
});
