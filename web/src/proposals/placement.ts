/**
 * Where and when a proposal's talk takes place in a published programme. The public programme
 * (GET /api/events/:eventId/programme) is documented as a free-form object (the snapshot of a
 * release), so this reads the few fields it needs defensively instead of trusting a copied shape:
 * anything missing or malformed means « not placed ».
 */
export interface Placement {
  startsAt: string;
  endsAt: string;
  sessionTitleFr: string | null;
  sessionTitleEn: string | null;
  room: string | null;
  venue: string | null;
  address: string | null;
  version: number | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

export function placementOf(snapshot: unknown, submissionId: string): Placement | null {
  if (!isObj(snapshot)) return null;
  for (const session of list(snapshot.sessions)) {
    const talk = list(session.talks).find((x) => x.submissionId === submissionId);
    if (!talk) continue;
    const startsAt = str(talk.startsAt);
    const endsAt = str(talk.endsAt);
    if (!startsAt || !endsAt) return null;
    const room = list(snapshot.rooms).find((r) => r.id === session.roomId);
    const venue = list(snapshot.venues).find((v) => v.id === (session.venueId ?? room?.venueId));
    const address = venue ? [str(venue.streetAddress), [str(venue.postalCode), str(venue.city)].filter(Boolean).join(' ')].filter(Boolean).join(', ') : null;
    return {
      startsAt,
      endsAt,
      sessionTitleFr: str(session.titleFr),
      sessionTitleEn: str(session.titleEn),
      room: room ? str(room.name) : null,
      venue: venue ? str(venue.name) : null,
      address: address || null,
      version: typeof snapshot.version === 'number' ? snapshot.version : null,
    };
  }
  return null;
}
