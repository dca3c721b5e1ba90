import { startTestApp, type TestApp } from '../support/test-app.js';
import { acceptedProposal, bearer, setUpColloquium, signUp, type Colloquium, type Speaker } from './sessions-support.js';

/**
 * The `warnings` of a change are computed from the change's neighbourhood only (its sessions, their
 * people's other commitments, the proposals concerned), not from the whole programme. This checks
 * them against the whole programme: for 120 random changes (sessions moved across rooms, venues
 * and days, chairs replaced, talks placed, reordered, moved between sessions and removed, sessions
 * created and deleted) on a programme with double bookings, travel between the CNRS and Espace
 * Cardin, unavailabilities, capacities and opening hours, each answer's `warnings` must be exactly
 * the conflicts of GET …/programme/conflicts after the change that were not there before it
 * (severity `ignore` left out). The random choices come from a fixed seed: a failure replays.
 */
interface Item {
  key: string;
  code: string;
  severity: string;
}

/** mulberry32: a small seeded generator, so that a failing sequence can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}

const SEED = 20120206;
const CHANGES = 120;

describe('Warnings of a change, read from its neighbourhood, against the whole programme', () => {
  let t: TestApp;
  let c: Colloquium;
  const speakers: Speaker[] = [];
  const proposals: string[] = [];
  const auth = () => bearer(c.organiser);

  const conflicts = async (): Promise<Item[]> => {
    const res = await t.http.get(`/api/events/${c.vtnId}/programme/conflicts`).set(auth());
    if (res.status !== 200) throw new Error(`conflicts: ${res.status} ${JSON.stringify(res.body)}`);
    expect(res.body.items).toHaveLength(res.body.total);
    return res.body.items as Item[];
  };

  beforeAll(async () => {
    t = await startTestApp();
    c = await setUpColloquium(t);
    const o = auth();
    await t.http.put('/api/venues/travel-times').set(o).send({ fromVenueId: c.cnrsId, toVenueId: c.cardinId, walkingMinutes: 50, transitMinutes: 35 }).expect(200);
    const days = (opens: string, closes: string, dates: string[]) => dates.map((date) => ({ date, opens, closes }));
    await t.http.patch(`/api/venues/${c.cnrsId}`).set(o).send({ openingHours: days('08:30', '19:00', ['2012-02-06', '2012-02-07']) }).expect(200);
    await t.http.patch(`/api/venues/${c.cardinId}`).set(o).send({ openingHours: days('12:00', '23:00', ['2012-02-06', '2012-02-07']) }).expect(200);
    for (const [first, last] of [['Hélène', 'Dupré'], ['José', 'Núñez'], ['Amina', 'Benali'], ['Pierre', 'Lambert'], ['Zoé', 'Ørsted']]) speakers.push(await signUp(t, first, last));
    // Hélène and Pierre declare unavailabilities
    for (const [who, startsAt, endsAt] of [[0, '2012-02-06T09:00', '2012-02-06T10:30'], [3, '2012-02-07T09:00', '2012-02-07T10:00']] as const) {
      const res = await t.http.post(`/api/me/events/${c.vtnId}/unavailabilities`).set(bearer(speakers[who].token)).send({ startsAt, endsAt });
      expect(res.status).toBe(201);
    }
    // 12 proposals, three co-signed, two accepted but not confirmed
    for (let i = 0; i < 12; i++) {
      const main = speakers[i % speakers.length];
      const co = i % 4 === 1 ? speakers[(i + 2) % speakers.length] : undefined;
      proposals.push(await acceptedProposal(t, c, main, `Exposé ${i + 1}`, { co, confirm: i % 6 !== 5 }));
    }
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it(`gives, for ${CHANGES} random changes, exactly the conflicts the whole programme gained`, async () => {
    const r = random(SEED);
    const rooms = [c.amphi, c.salle2, c.cardin];
    const sessions: string[] = [];
    const at = (day: number, minutes: number) => `2012-02-0${6 + day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const someTime = () => {
      const day = r.int(2);
      const start = 9 * 60 + 15 * r.int(16); // 09:00 … 12:45: crowded mornings
      const length = 60 + 15 * r.int(5); // 1 h … 2 h
      return { startsAt: at(day, start), endsAt: at(day, Math.min(start + length, 23 * 60)) };
    };
    const someChairs = () =>
      Array.from({ length: r.int(3) }, () => (r.next() < 0.2 ? { guestName: 'Maire de Brest', guestAffiliation: 'Ville de Brest' } : { userId: r.pick(speakers).id })).filter(
        (ch, i, all) => !('userId' in ch) || all.findIndex((x) => 'userId' in x && x.userId === ch.userId) === i,
      );
    const talksOf = async (sessionId: string) => (await t.http.get(`/api/sessions/${sessionId}`).set(auth())).body.talks as Array<{ id: string; submissionId: string }>;
    const placedSubmissions = async () => {
      const out = new Set<string>();
      for (const id of sessions) for (const talk of await talksOf(id)) out.add(talk.submissionId);
      return out;
    };

    const kinds: Record<string, number> = {};
    const codes = new Set<string>();
    let checked = 0;
    for (let step = 0; step < CHANGES; step++) {
      const before = await conflicts();
      const choice = sessions.length < 4 ? 'create' : r.pick(['create', 'move', 'move', 'move', 'chairs', 'place', 'place', 'reorder', 'transfer', 'unplace', 'delete'] as const);
      let res: { status: number; body: { warnings?: Item[] } } | null = null;
      if (choice === 'create') {
        res = await t.http.post(`/api/events/${c.vtnId}/sessions`).set(auth()).send({ kind: 'plenary', titleFr: `Session ${step}`, roomId: r.pick(rooms), ...someTime(), chairs: someChairs(), expectedAttendance: r.pick([null, 30, 280, 600]) });
        if (res.status === 201) sessions.push((res.body as { id: string }).id);
      } else if (choice === 'move') {
        const body = r.next() < 0.5 ? { roomId: r.pick(rooms), ...someTime() } : someTime();
        res = await t.http.patch(`/api/sessions/${r.pick(sessions)}`).set(auth()).send(body);
      } else if (choice === 'chairs') {
        res = await t.http.patch(`/api/sessions/${r.pick(sessions)}`).set(auth()).send({ chairs: someChairs() });
      } else if (choice === 'place') {
        const placed = await placedSubmissions();
        const free = proposals.filter((p) => !placed.has(p));
        if (free.length) res = await t.http.post(`/api/sessions/${r.pick(sessions)}/talks`).set(auth()).send({ submissionId: r.pick(free), position: r.int(2) });
      } else {
        const withTalks: Array<{ session: string; talks: Array<{ id: string }> }> = [];
        for (const id of sessions) {
          const talks = await talksOf(id);
          if (talks.length) withTalks.push({ session: id, talks });
        }
        const from = withTalks.length ? r.pick(withTalks) : null;
        if (choice === 'delete') {
          const id = r.pick(sessions);
          res = await t.http.delete(`/api/sessions/${id}`).set(auth());
          if (res.status === 200) sessions.splice(sessions.indexOf(id), 1);
        } else if (from && choice === 'reorder') {
          res = await t.http.patch(`/api/talks/${r.pick(from.talks).id}`).set(auth()).send({ position: r.int(from.talks.length) });
        } else if (from && choice === 'transfer') {
          res = await t.http.patch(`/api/talks/${r.pick(from.talks).id}`).set(auth()).send({ sessionId: r.pick(sessions), position: 0 });
        } else if (from && choice === 'unplace') {
          res = await t.http.delete(`/api/talks/${r.pick(from.talks).id}`).set(auth());
        }
      }
      const after = await conflicts();
      if (!res || res.status >= 400) {
        // refused (a room taken, talks overflowing, …) or nothing to do: nothing changed
        expect(after.map((x) => x.key).sort()).toEqual(before.map((x) => x.key).sort());
        continue;
      }
      const known = new Set(before.map((x) => x.key));
      const gained = after.filter((x) => !known.has(x.key) && x.severity !== 'ignore').map((x) => x.key).sort();
      expect({ step, choice, warnings: (res.body.warnings ?? []).map((w) => w.key).sort() }).toEqual({ step, choice, warnings: gained });
      kinds[choice] = (kinds[choice] ?? 0) + 1;
      checked += 1;
      for (const x of after) if (!known.has(x.key)) codes.add(x.code);
    }
    // the sequence exercised every kind of change, and changes that did add conflicts
    expect(Object.keys(kinds).sort()).toEqual(['chairs', 'create', 'delete', 'move', 'place', 'reorder', 'transfer', 'unplace']);
    expect(checked).toBeGreaterThan(CHANGES / 2);
    // and every rule a change can set off did go off at least once
    expect([...codes].sort()).toEqual([
      'CHAIR_DOUBLE_BOOKED',
      'CHAIR_SPEAKING_ELSEWHERE',
      'CHAIR_UNAVAILABLE',
      'OUTSIDE_VENUE_HOURS',
      'OVER_CAPACITY',
      'PROPOSAL_NOT_PLACED',
      'SPEAKER_DOUBLE_BOOKED',
      'SPEAKER_UNAVAILABLE',
      'TALK_NOT_CONFIRMED',
      'TRAVEL_TOO_SHORT',
    ]);
  }, 300_000);
});
