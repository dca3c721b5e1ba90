/** The short form of a venue that other modules show (an event's venues, later a session's place). */
export interface VenueSummary {
  id: string;
  name: string;
  streetAddress: string;
  postcode: string;
  city: string;
}
