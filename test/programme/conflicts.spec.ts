import {
  type ConflictCode,
  type ProgrammeInput,
  type ProgrammeSession,
  type ProgrammeTalk,
  detectConflicts,
  unplacedProposals,
} from '../../src/programme/conflicts.js';

const ZONE = 'Europe/Paris';
const at = (hhmm: string, day = '2012-02-06') => new Date(`${day}T${hhmm}:00Z`);

function session(id: string, from: string, to: string, extra: Partial<ProgrammeSession> = {}): ProgrammeSession {
  return { id, roomId: 'amphi', venueId: 'cnrs', startsAt: at(from), endsAt: at(to), kind: 'plenary', chairIds: [], title: id, ...extra };
}

function talk(id: string, sessionId: string, from: string, to: string, speakerIds: string[], extra: Partial<ProgrammeTalk> = {}): ProgrammeTalk {
  return { id, sessionId, startsAt: at(from), endsAt: at(to), speakerIds, proposalState: 'confirmed', title: id, ...extra };
}

function programme(over: Partial<ProgrammeInput> = {}): ProgrammeInput {
  return {
    sessions: [],
    talks: [],
    rooms: [
      { id: 'amphi', venueId: 'cnrs', capacity: 200 },
      { id: 'salle-2', venueId: 'cnrs', capacity: 40 },
      { id: 'cardin', venueId: 'cardin', capacity: 600 },
    ],
    venues: [
      { id: 'cnrs', name: 'CNRS', openings: [] },
      { id: 'cardin', name: 'Espace Cardin', openings: [] },
    ],
    travelTimes: [{ venueAId: 'cnrs', venueBId: 'cardin', minutes: 35 }],
    unavailabilities: [],
    unplacedProposals: [],
    people: [{ id: 'helene', name: 'Hélène Dupré' }],
    ...over,
  };
}

const codes = (input: ProgrammeInput, code?: ConflictCode) =>
  detectConflicts(input, { timeZone: ZONE }).filter((c) => code === undefined || c.code === code);

describe('conflict rules, one by one', () => {
  it('SPEAKER_DOUBLE_BOOKED: overlapping talks in two rooms; clears when moved', () => {
    const s = [session('a', '08:00', '10:00'), session('b', '08:00', '10:00', { roomId: 'salle-2' })];
    const clash = programme({ sessions: s, talks: [talk('t1', 'a', '08:00', '08:30', ['helene']), talk('t2', 'b', '08:15', '08:45', ['helene'])] });
    const found = codes(clash, 'SPEAKER_DOUBLE_BOOKED');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', personIds: ['helene'], talkIds: ['t1', 't2'], sessionIds: ['a', 'b'] });
    // A speaker is busy during the talk only, not the whole session.
    const fixed = programme({ sessions: s, talks: [talk('t1', 'a', '08:00', '08:30', ['helene']), talk('t2', 'b', '08:30', '09:00', ['helene'])] });
    expect(codes(fixed)).toEqual([]);
  });

  it('CHAIR_DOUBLE_BOOKED: chairing two overlapping sessions; clears when another chair takes one', () => {
    const clash = programme({ sessions: [session('a', '08:00', '10:00', { chairIds: ['p'] }), session('b', '09:00', '11:00', { roomId: 'salle-2', chairIds: ['p'] })] });
    expect(codes(clash).map((c) => c.code)).toEqual(['CHAIR_DOUBLE_BOOKED']);
    const fixed = programme({ sessions: [session('a', '08:00', '10:00', { chairIds: ['p'] }), session('b', '09:00', '11:00', { roomId: 'salle-2', chairIds: ['q'] })] });
    expect(codes(fixed)).toEqual([]);
  });

  it('CHAIR_SPEAKING_ELSEWHERE: chairing while speaking in another session, fine inside the own session', () => {
    const sessions = [session('a', '08:00', '10:00', { chairIds: ['p'] }), session('b', '08:00', '10:00', { roomId: 'salle-2' })];
    const clash = programme({ sessions, talks: [talk('t', 'b', '09:00', '09:30', ['p'])] });
    expect(codes(clash).map((c) => c.code)).toEqual(['CHAIR_SPEAKING_ELSEWHERE']);
    const inside = programme({ sessions, talks: [talk('t', 'a', '09:00', '09:30', ['p'])] });
    expect(codes(inside)).toEqual([]);
  });

  it('SPEAKER_UNAVAILABLE and CHAIR_UNAVAILABLE; clear when the unavailability ends before', () => {
    const sessions = [session('a', '08:00', '10:00', { chairIds: ['c'] })];
    const talks = [talk('t', 'a', '09:00', '09:30', ['helene'])];
    const clash = programme({
      sessions,
      talks,
      unavailabilities: [
        { personId: 'helene', startsAt: at('09:15'), endsAt: at('12:00') },
        { personId: 'c', startsAt: at('07:00'), endsAt: at('08:01') },
      ],
    });
    expect(codes(clash).map((c) => c.code)).toEqual(['CHAIR_UNAVAILABLE', 'SPEAKER_UNAVAILABLE']);
    const fixed = programme({
      sessions,
      talks,
      unavailabilities: [
        { personId: 'helene', startsAt: at('09:30'), endsAt: at('12:00') },
        { personId: 'c', startsAt: at('07:00'), endsAt: at('08:00') },
      ],
    });
    expect(codes(fixed)).toEqual([]);
  });

  it('TRAVEL_TOO_SHORT: CNRS to Espace Cardin for the ceremony in 20 min; clears with 35 min or unknown pair', () => {
    const talks = [talk('t', 'a', '16:10', '16:40', ['helene'])];
    const ceremony = (from: string) => session('ceremony', from, '19:00', { roomId: 'cardin', venueId: 'cardin', kind: 'ceremony', chairIds: ['helene'] });
    const clash = programme({ sessions: [session('a', '16:00', '17:00'), ceremony('17:00')], talks });
    const found = codes(clash);
    expect(found.map((c) => c.code)).toEqual(['TRAVEL_TOO_SHORT']);
    expect(found[0].message.en).toContain('from CNRS to Espace Cardin in 20 min but the journey takes 35');
    expect(codes(programme({ sessions: [session('a', '16:00', '17:00'), ceremony('17:15')], talks }))).toEqual([]);
    expect(codes(programme({ sessions: [session('a', '16:00', '17:00'), ceremony('17:00')], talks, travelTimes: [] }))).toEqual([]);
  });

  it('TRAVEL_TOO_SHORT is not raised for overlapping commitments (double booking is)', () => {
    const clash = programme({
      sessions: [session('a', '16:00', '17:00'), session('b', '16:00', '18:00', { roomId: 'cardin', venueId: 'cardin' })],
      talks: [talk('t1', 'a', '16:00', '16:30', ['helene']), talk('t2', 'b', '16:20', '16:50', ['helene'])],
    });
    expect(codes(clash).map((c) => c.code)).toEqual(['SPEAKER_DOUBLE_BOOKED']);
  });

  it('OUTSIDE_VENUE_HOURS: a session after closing; clears within hours; no hours known, no warning', () => {
    const venues = [
      { id: 'cnrs', name: 'CNRS', openings: [{ opensAt: at('07:00'), closesAt: at('17:00') }, { opensAt: at('07:00', '2012-02-07'), closesAt: at('17:00', '2012-02-07') }] },
      { id: 'cardin', openings: [] },
    ];
    const late = programme({ venues, sessions: [session('a', '16:00', '18:00'), session('c', '20:00', '22:00', { venueId: 'cardin', roomId: 'cardin' })] });
    const found = codes(late);
    expect(found.map((c) => c.code)).toEqual(['OUTSIDE_VENUE_HOURS']);
    expect(found[0].sessionIds).toEqual(['a']);
    expect(codes(programme({ venues, sessions: [session('a', '15:00', '17:00')] }))).toEqual([]);
    // Between two days' openings.
    expect(codes(programme({ venues, sessions: [session('n', '23:00', '23:30')] })).map((c) => c.code)).toEqual(['OUTSIDE_VENUE_HOURS']);
  });

  it('OVER_CAPACITY: expected attendance above the room; clears at capacity or unknown', () => {
    expect(codes(programme({ sessions: [session('a', '08:00', '09:00', { roomId: 'salle-2', expectedAttendance: 41 })] })).map((c) => c.code)).toEqual(['OVER_CAPACITY']);
    expect(codes(programme({ sessions: [session('a', '08:00', '09:00', { roomId: 'salle-2', expectedAttendance: 40 })] }))).toEqual([]);
    expect(codes(programme({ sessions: [session('a', '08:00', '09:00', { roomId: 'salle-2', expectedAttendance: null })] }))).toEqual([]);
  });

  it('TALK_NOT_CONFIRMED: an accepted, unconfirmed talk; clears once confirmed', () => {
    const sessions = [session('a', '08:00', '10:00')];
    const found = codes(programme({ sessions, talks: [talk('t', 'a', '08:00', '08:30', ['helene'], { proposalState: 'accepted', proposalId: 'p1' })] }));
    expect(found).toMatchObject([{ code: 'TALK_NOT_CONFIRMED', severity: 'warning', talkIds: ['t'], proposalIds: ['p1'] }]);
    expect(codes(programme({ sessions, talks: [talk('t', 'a', '08:00', '08:30', ['helene'])] }))).toEqual([]);
  });

  it('PROPOSAL_NOT_PLACED: listed from accepted proposals minus placed talks; clears once placed', () => {
    const accepted = [
      { id: 'p1', title: 'Villes', speakerIds: ['helene'], state: 'accepted' },
      { id: 'p2', title: 'Territoires', speakerIds: ['x'], state: 'confirmed' },
      { id: 'p3', title: 'Refusée', speakerIds: ['y'], state: 'rejected' },
    ];
    const talks = [talk('t', 'a', '08:00', '08:30', ['x'], { proposalId: 'p2' })];
    const unplaced = unplacedProposals(accepted, talks);
    expect(unplaced.map((p) => p.id)).toEqual(['p1']);
    const found = codes(programme({ sessions: [session('a', '08:00', '10:00')], talks, unplacedProposals: unplaced }));
    expect(found).toMatchObject([{ code: 'PROPOSAL_NOT_PLACED', severity: 'warning', proposalIds: ['p1'], startsAt: null }]);
    expect(unplacedProposals(accepted, [...talks, talk('t1', 'a', '09:00', '09:30', ['helene'], { proposalId: 'p1' })])).toEqual([]);
  });

  it('does not report two sessions in one room (the exclusion constraint forbids them)', () => {
    expect(codes(programme({ sessions: [session('a', '08:00', '10:00'), session('b', '09:00', '11:00')] }))).toEqual([]);
  });
});

describe('severities, messages, order and keys', () => {
  const clash = programme({
    sessions: [session('a', '17:00', '19:00', { chairIds: ['helene'], title: 'Cérémonie' }), session('b', '17:00', '19:00', { roomId: 'salle-2', chairIds: ['helene'] })],
    talks: [talk('t', 'b', '17:00', '17:30', ['z'], { proposalState: 'accepted' })],
  });

  it('applies overrides, including ignore', () => {
    const out = detectConflicts(clash, { timeZone: ZONE, severities: { CHAIR_DOUBLE_BOOKED: 'warning', TALK_NOT_CONFIRMED: 'ignore' } });
    expect(out.map((c) => [c.code, c.severity])).toEqual([
      ['CHAIR_DOUBLE_BOOKED', 'warning'],
      ['TALK_NOT_CONFIRMED', 'ignore'],
    ]);
    expect(detectConflicts(clash, { timeZone: ZONE })[0].severity).toBe('error');
  });

  it('names Paris times in French and English (17:00Z on 2012-02-06 is 18:00)', () => {
    const [c] = detectConflicts(clash, { timeZone: ZONE });
    expect(c.message.fr).toContain('Hélène Dupré préside deux sessions en même temps');
    expect(c.message.fr).toContain('lun. 6 févr. 2012 18:00–20:00');
    expect(c.message.fr).toContain('« Cérémonie »');
    expect(c.message.en).toContain('Hélène Dupré chairs two sessions at the same time');
    expect(c.message.en).toContain('Mon 6 Feb 2012 18:00–20:00');
    expect(detectConflicts(clash, { timeZone: 'UTC' })[0].message.en).toContain('17:00–19:00');
  });

  it('is deterministic: same order and keys whatever the input order', () => {
    const big = programme({
      sessions: [
        session('a', '08:00', '10:00', { chairIds: ['p', 'q'] }),
        session('b', '09:00', '11:00', { roomId: 'salle-2', chairIds: ['p', 'q'] }),
        session('c', '09:30', '12:00', { roomId: 'cardin', venueId: 'cardin', chairIds: ['p'], expectedAttendance: 900 }),
      ],
      talks: [talk('t1', 'b', '09:00', '09:30', ['r', 'q'], { proposalState: 'accepted' }), talk('t2', 'c', '09:30', '10:00', ['r'])],
    });
    const shuffled: ProgrammeInput = { ...big, sessions: [...big.sessions].reverse(), talks: [...big.talks].reverse() };
    const one = detectConflicts(big, { timeZone: ZONE });
    const two = detectConflicts(shuffled, { timeZone: ZONE });
    expect(two).toEqual(one);
    expect(new Set(one.map((c) => c.key)).size).toBe(one.length);
    expect(one.map((c) => c.key)).toContain('CHAIR_DOUBLE_BOOKED|person=p|session=a,b|items=chair:a,chair:b');
    const sortKeys = one.map((c) => c.code);
    expect([...sortKeys].sort()).toEqual(sortKeys);
  });

  it('caps the overlapping pairs reported per person (one person in 2,000 simultaneous talks)', () => {
    const sessions = Array.from({ length: 2000 }, (_, i) => session(`s${i}`, '08:00', '10:00', { roomId: `r${i}` }));
    const talks = sessions.map((s, i) => talk(`t${i}`, s.id, '08:00', '09:00', ['helene']));
    const t0 = Date.now();
    const out = detectConflicts(programme({ sessions, talks }), { timeZone: ZONE, maxOverlapsPerPerson: 50 });
    expect(out).toHaveLength(50);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});

describe('edge cases', () => {
  it('merges overlapping unavailabilities: one conflict per commitment and merged window', () => {
    const input = programme({
      sessions: [session('a', '08:00', '10:00')],
      talks: [talk('t', 'a', '09:00', '09:30', ['helene'])],
      unavailabilities: [
        { personId: 'helene', startsAt: at('08:30'), endsAt: at('09:10') },
        { personId: 'helene', startsAt: at('09:05'), endsAt: at('11:00') },
      ],
    });
    const found = codes(input);
    expect(found).toHaveLength(1);
    expect(found[0].message.fr).toContain('Hélène Dupré');
    expect(found[0].message.fr).toContain('09:30–12:00');
  });

  it('travel: the French message names both venues; a chair of the talk session then the ceremony counts too', () => {
    const input = programme({
      sessions: [
        session('a', '15:00', '17:00', { chairIds: ['helene'] }),
        session('ceremony', '17:10', '19:00', { roomId: 'cardin', venueId: 'cardin', chairIds: ['helene'] }),
      ],
      talks: [talk('t', 'a', '15:00', '15:30', ['helene'])],
    });
    const found = codes(input);
    expect(found.map((c) => c.code)).toEqual(['TRAVEL_TOO_SHORT']);
    expect(found[0].sessionIds).toEqual(['a', 'ceremony']);
    expect(found[0].message.fr).toContain('de CNRS à Espace Cardin en 10 min alors que le trajet en demande 35');
  });

  it('ignores a person listed twice on one talk and a session speaker speaking in a talk of the same session', () => {
    const input = programme({
      sessions: [session('a', '08:00', '10:00', { speakerIds: ['helene'] })],
      talks: [talk('t', 'a', '08:00', '08:30', ['helene', 'helene'])],
    });
    expect(codes(input)).toEqual([]);
  });
});
