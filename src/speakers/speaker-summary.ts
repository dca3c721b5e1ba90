/** What other modules (submissions, programme, badges) need to know about a speaker. */
export interface SpeakerSummary {
  userId: string;
  firstName: string;
  lastName: string;
  affiliation: string;
  countryCode: string;
  email: string;
}
