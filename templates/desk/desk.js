/*
 * The reception desk (plain JavaScript, no build step). Everything shown comes from the API and is
 * set with textContent: nothing typed or stored ever becomes markup. The access token lives in
 * sessionStorage (gone when the tab closes). Keyboard first: the lookup field keeps the focus; a
 * USB scanner types the badge token then Enter, which checks the holder in at once; anything else
 * typed is a name search as you type. Nothing ever takes the focus from the field while someone
 * types (a one-person result is shown, not focused), and nobody is checked in but by a deliberate
 * action: Enter in the field once a person is selected (the only match, or the first one a first
 * Enter selected), Enter or a click on « Enregistrer l’arrivée » (reached by clicking a result, or
 * ArrowDown then Enter on one), or a scan.
 */
(function () {
  'use strict';

  const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
  const TOKEN_KEY = 'desk.token';
  const EVENT_KEY = 'desk.event';
  const SEARCH_DELAY_MS = 150;

  const state = { token: sessionStorage.getItem(TOKEN_KEY), user: null, eventId: sessionStorage.getItem(EVENT_KEY), context: null, person: null, searchSeq: 0, searchTimer: null, pdfUrl: null, resultsFor: null, selectedFor: null };

  function $(id) { return document.getElementById(id); }
  function show(id, visible) { $(id).hidden = !visible; }
  function text(id, value) { $(id).textContent = value == null ? '' : String(value); }

  const CODES_FR = {
    UNAUTHENTICATED: 'Session expirée : reconnectez-vous.',
    FORBIDDEN: 'Votre compte n’a pas accès à l’accueil.',
    TOO_MANY_REQUESTS: 'Trop de tentatives : patientez quelques minutes.',
    EMAIL_TAKEN: 'Cette adresse est déjà inscrite à l’événement : cherchez la personne par son nom.',
    VALIDATION_FAILED: 'Saisie incomplète ou invalide.',
    NOT_FOUND: 'Introuvable.',
  };

  function say(message, kind) {
    const el = $('message');
    el.textContent = message;
    el.className = 'message' + (kind ? ' ' + kind : '');
  }

  function errorText(body, fallback) {
    if (body && body.details && typeof body.details.messageFr === 'string') return body.details.messageFr;
    if (body && CODES_FR[body.error]) return CODES_FR[body.error];
    if (body && typeof body.message === 'string') return body.message;
    return fallback;
  }

  /** A JSON call to the API with the token; resolves { ok, status, body }. A 401 sends back to the login. */
  function api(method, path, payload) {
    const headers = { Accept: 'application/json' };
    if (state.token) headers.Authorization = 'Bearer ' + state.token;
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(path, { method: method, headers: headers, body: payload === undefined ? undefined : JSON.stringify(payload) }).then(function (res) {
      return res.text().then(function (raw) {
        let body = null;
        try { body = raw ? JSON.parse(raw) : null; } catch { body = null; }
        if (res.status === 401 && path !== '/api/auth/login') {
          logout();
          say(CODES_FR.UNAUTHENTICATED, 'error');
        }
        return { ok: res.ok, status: res.status, body: body };
      });
    }, function () {
      return { ok: false, status: 0, body: { message: 'Serveur injoignable : vérifiez la connexion.' } };
    });
  }

  /** Where the focus and the lookup's text were when an action began (see focusLookup). */
  function snapshot() {
    return { element: document.activeElement, value: $('lookup').value };
  }

  /**
   * Gives the lookup field the focus back after an action, its text selected so that what a scanner
   * types next replaces it. An action ends later than it began (a request): with `before` (a
   * snapshot), nothing is taken from someone who typed meanwhile: a person who went on typing in
   * the field keeps their text unselected, one who moved to another field keeps it.
   */
  function focusLookup(before) {
    const input = $('lookup');
    if ($('desk').hidden) return;
    const active = document.activeElement;
    if (before && before.element && active !== before.element && active !== input && active && /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName)) return;
    if (active !== input) input.focus();
    if (!before || input.value === before.value) input.select();
  }

  // ---- login, event -------------------------------------------------------------------------

  function logout() {
    if (state.token) fetch('/api/auth/logout', { method: 'POST', headers: { Authorization: 'Bearer ' + state.token } }).catch(function () {});
    state.token = null;
    state.user = null;
    sessionStorage.removeItem(TOKEN_KEY);
    show('desk', false);
    show('event-choice', false);
    show('logout', false);
    show('who', false);
    show('login', true);
    $('login-email').focus();
  }

  function start() {
    if (!state.token) { logout(); return; }
    api('GET', '/api/auth/me').then(function (res) {
      if (!res.ok) { logout(); return; }
      const user = res.body && (res.body.user || res.body);
      const roles = (user && user.roles) || [];
      if (roles.indexOf('reception') < 0 && roles.indexOf('organiser') < 0) {
        logout();
        say(CODES_FR.FORBIDDEN, 'error');
        return;
      }
      state.user = user;
      text('who', user.displayName || user.email);
      show('who', true);
      show('logout', true);
      show('login', false);
      if (state.eventId) openDesk(state.eventId); else chooseEvent();
    });
  }

  $('login-form').addEventListener('submit', function (e) {
    e.preventDefault();
    say('Connexion…');
    api('POST', '/api/auth/login', { email: $('login-email').value.trim(), password: $('login-password').value }).then(function (res) {
      if (!res.ok) { say(res.status === 401 ? 'Adresse ou mot de passe incorrect.' : errorText(res.body, 'Connexion impossible.'), 'error'); return; }
      state.token = res.body.accessToken;
      sessionStorage.setItem(TOKEN_KEY, state.token);
      $('login-password').value = '';
      say('');
      start();
    });
  });

  $('logout').addEventListener('click', function () { logout(); say('Vous êtes déconnecté(e).'); });

  function chooseEvent() {
    show('desk', false);
    show('event-choice', true);
    api('GET', '/api/events?pageSize=100').then(function (res) {
      const select = $('event-select');
      select.textContent = '';
      ((res.body && res.body.items) || []).forEach(function (ev) {
        const option = document.createElement('option');
        option.value = ev.id;
        option.textContent = ev.nameFr + (ev.startDate ? ' (' + ev.startDate + ')' : '');
        select.appendChild(option);
      });
      select.focus();
    });
  }

  $('event-go').addEventListener('click', function () {
    const id = $('event-select').value;
    if (id) openDesk(id);
  });
  $('event-select').addEventListener('keydown', function (e) {
    if (e.key === 'Enter') { e.preventDefault(); $('event-go').click(); }
  });
  $('scan-part').addEventListener('change', function () {
    refreshStats();
    focusLookup();
  });
  $('change-event').addEventListener('click', function () {
    sessionStorage.removeItem(EVENT_KEY);
    state.eventId = null;
    chooseEvent();
  });

  function openDesk(eventId) {
    api('GET', '/api/events/' + encodeURIComponent(eventId) + '/desk').then(function (res) {
      if (!res.ok) {
        sessionStorage.removeItem(EVENT_KEY);
        state.eventId = null;
        if (res.status !== 401) { say(errorText(res.body, 'Événement introuvable.'), 'error'); chooseEvent(); }
        return;
      }
      state.eventId = eventId;
      state.context = res.body;
      sessionStorage.setItem(EVENT_KEY, eventId);
      text('event-name', res.body.nameFr);
      text('today', res.body.today);
      text('today-part', res.body.todayPartNameFr || 'aucune journée de l’événement aujourd’hui');
      const scanPart = $('scan-part');
      while (scanPart.options.length > 1) scanPart.remove(1);
      res.body.parts.filter(function (p) { return p.kind !== 'day'; }).forEach(function (p) {
        const option = document.createElement('option');
        option.value = p.code;
        option.textContent = p.nameFr;
        scanPart.appendChild(option);
      });
      scanPart.value = '';
      const select = $('walkin-category');
      select.textContent = '';
      res.body.categories.forEach(function (c) {
        const option = document.createElement('option');
        option.value = c.code;
        option.textContent = c.labelFr;
        // the plain participant's category, as the server says, chosen at first and after each reset
        option.defaultSelected = option.selected = c.code === res.body.defaultCategory;
        select.appendChild(option);
      });
      show('event-choice', false);
      show('desk', true);
      refreshStats();
      focusLookup();
    });
  }

  function refreshStats() {
    if (!state.eventId) return;
    api('GET', '/api/events/' + encodeURIComponent(state.eventId) + '/check-ins/stats').then(function (res) {
      if (!res.ok) { text('stats', ''); return; }
      const chosen = $('scan-part').value;
      const today = res.body.parts.filter(function (p) { return chosen ? p.code === chosen : p.kind === 'day' && p.day === res.body.today; });
      text('stats', today.length
        ? today.map(function (p) { return p.nameFr + ' : ' + p.checkedInToday + ' arrivée(s) sur ' + p.admitted + ' admis'; }).join(' · ')
        : '');
    });
  }

  // ---- lookup: scan or search ----------------------------------------------------------------

  function deskPath(suffix) { return '/api/events/' + encodeURIComponent(state.eventId) + '/desk' + suffix; }

  $('lookup').addEventListener('input', function () {
    clearTimeout(state.searchTimer);
    const value = $('lookup').value.trim();
    if (TOKEN_PATTERN.test(value)) return; // a whole token: Enter will scan it
    if (value.length < 2) { state.searchSeq++; renderResults([], 0); return; }
    state.searchTimer = setTimeout(function () { search(value, false); }, SEARCH_DELAY_MS);
  });

  $('lookup-form').addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(state.searchTimer);
    const value = $('lookup').value.trim();
    if (!value) return;
    if (TOKEN_PATTERN.test(value)) {
      $('lookup').value = '';
      scan(value);
    } else if (state.person && state.selectedFor === value && isListed(state.person.id)) {
      // Enter on the person selected among the results of this very text: the deliberate check-in
      checkInPerson();
    } else {
      search(value, true);
    }
  });

  function isListed(id) {
    return Array.prototype.some.call(document.querySelectorAll('#results button'), function (b) { return b.dataset.id === id; });
  }

  $('lookup').addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { $('lookup').value = ''; renderResults([], 0); }
    if (e.key === 'ArrowDown') {
      const first = document.querySelector('#results button');
      if (first) { e.preventDefault(); first.focus(); }
    }
  });

  /**
   * A name search. As one types (`openFirst` false) the only match is shown, never focused; Enter
   * (`openFirst`) shows the first match. Either way the focus stays in the field: a check-in takes
   * another Enter, or a click.
   */
  function search(q, openFirst) {
    const seq = ++state.searchSeq;
    api('GET', deskPath('/participants?pageSize=20&q=' + encodeURIComponent(q))).then(function (res) {
      if (seq !== state.searchSeq) return; // a newer search or scan went out meanwhile
      if (!res.ok) { say(errorText(res.body, 'Recherche impossible.'), 'error'); return; }
      renderResults(res.body.items, res.body.total);
      state.resultsFor = q;
      if (!res.body.items.length) { clearPerson(); say('Personne ne correspond à « ' + q + ' ».', 'warn'); }
      else if (openFirst || res.body.items.length === 1) showSelected(res.body.items[0], q);
      else if (state.person && !isListed(state.person.id)) clearPerson();
    });
  }

  function renderResults(items, total) {
    state.resultsFor = null;
    state.selectedFor = null;
    const list = $('results');
    list.textContent = '';
    text('result-count', total ? '(' + total + ')' : '');
    items.forEach(function (p) {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.id = p.id;
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = p.firstName + ' ' + p.lastName;
      const meta = document.createElement('span');
      meta.className = 'meta';
      meta.textContent = [p.categoryLabelFr, p.affiliation, p.checkedInToday ? 'arrivé(e)' : null, p.status === 'cancelled' ? 'inscription annulée' : null]
        .filter(Boolean).join(' · ');
      button.appendChild(name);
      button.appendChild(meta);
      button.addEventListener('click', function () { selectPerson(p); });
      button.addEventListener('keydown', function (e) {
        if (e.key === 'ArrowDown' && li.nextSibling) { e.preventDefault(); li.nextSibling.firstChild.focus(); }
        if (e.key === 'ArrowUp') { e.preventDefault(); if (li.previousSibling) li.previousSibling.firstChild.focus(); else focusLookup(); }
        if (e.key === 'Escape') focusLookup();
      });
      li.appendChild(button);
      list.appendChild(li);
    });
  }

  /** A scan (or a typed token + Enter): check in, then show the holder. */
  function scan(token) {
    const seq = ++state.searchSeq;
    const before = snapshot();
    say('Badge lu…');
    checkIn(token).then(function () {
      return api('GET', deskPath('/participants?token=' + encodeURIComponent(token)));
    }).then(function (res) {
      if (seq !== state.searchSeq) { focusLookup(before); return; } // a name typed since: its search is shown
      if (res && res.ok && res.body.items.length) {
        renderResults(res.body.items, res.body.total);
        renderPerson(res.body.items[0]);
      } else {
        // an unknown (or replaced) badge: nobody is shown, not even the person before
        renderResults([], 0);
        clearPerson();
      }
      focusLookup(before);
    });
  }

  function nonce() {
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return 'desk-' + Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  /** POST /api/check-ins; the message says checked in, already checked in, or why not. */
  function checkIn(token) {
    const part = $('scan-part').value;
    const body = { token: token, nonce: nonce(), eventId: state.eventId };
    if (part) body.part = part;
    return api('POST', '/api/check-ins', body).then(function (res) {
      if (res.ok) {
        const who = res.body.participant.firstName + ' ' + res.body.participant.lastName;
        if (res.body.created) say('✔ ' + who + ' : ' + res.body.messageFr, 'ok');
        else say('Déjà enregistré(e) — ' + who + ' : ' + res.body.messageFr + ' (already checked in)', 'warn');
        refreshStats();
      } else if (res.status !== 401) {
        say('✖ ' + errorText(res.body, 'Enregistrement impossible.'), 'error');
      }
      return res;
    });
  }

  // ---- the person ----------------------------------------------------------------------------

  const STATUS_FR = { admitted: 'admis(e)', waiting: 'liste d’attente', requested: 'demande en attente' };

  /**
   * Shows a person as the one selected among the results of the text `q`, leaving the focus where it
   * is (the field, while one types): Enter in the field with that text checks them in.
   */
  function showSelected(p, q) {
    renderPerson(p);
    state.selectedFor = q;
    Array.prototype.forEach.call(document.querySelectorAll('#results button'), function (b) {
      const selected = b.dataset.id === p.id;
      b.classList.toggle('selected', selected);
      b.setAttribute('aria-pressed', selected ? 'true' : 'false');
    });
  }

  /** A result clicked (or Enter on it, reached with ArrowDown): selected, and the focus goes to the check-in button. */
  function selectPerson(p) {
    showSelected(p, state.resultsFor);
    $('checkin-button').focus();
  }

  function clearPerson() {
    state.person = null;
    state.selectedFor = null;
    show('person', false);
    show('pdf-link-line', false);
    text('person-name', '');
    $('person-parts').textContent = '';
  }

  function renderPerson(p) {
    state.person = p;
    show('person', true);
    show('pdf-link-line', false);
    show('reprint-line', p.printed);
    show('rotate-button', p.printed);
    text('person-name', p.firstName + ' ' + p.lastName);
    text('person-category', p.categoryLabelFr || '—');
    text('person-affiliation', p.affiliation || p.town || '—');
    text('person-status', p.status === 'cancelled' ? 'annulée' : 'inscrit(e)');
    const printed = $('person-printed');
    printed.textContent = p.printed ? 'imprimé (' + p.printCount + ' fois' + (p.lastPrintedAt ? ', dernier le ' + p.lastPrintedAt.slice(0, 10) + ' à ' + p.lastPrintedAt.slice(11, 16) : '') + ')' : 'pas encore imprimé';
    printed.className = p.printed ? 'yes' : 'no';
    const arrived = $('person-checked-in');
    arrived.textContent = p.checkedInToday ? 'oui' : 'non';
    arrived.className = p.checkedInToday ? 'yes' : 'no';
    const parts = $('person-parts');
    parts.textContent = '';
    if (!p.parts.length) {
      const none = document.createElement('li');
      none.textContent = 'aucune';
      parts.appendChild(none);
    }
    p.parts.forEach(function (part) {
      const li = document.createElement('li');
      let line = part.nameFr + ' — ' + (STATUS_FR[part.status] || part.status) + (part.quota === 'programme' ? ' (programme)' : '');
      if (part.checkedInAt) line += ' — arrivée à ' + part.checkedInAt.slice(11, 16) + (part.checkedInBy ? ' (' + part.checkedInBy + ')' : '');
      li.textContent = line;
      parts.appendChild(li);
    });
  }

  function reloadPerson() {
    if (!state.person) return Promise.resolve();
    return api('GET', deskPath('/participants?id=' + encodeURIComponent(state.person.id))).then(function (res) {
      if (res.ok && res.body.items.length) renderPerson(res.body.items[0]);
    });
  }

  function checkInPerson() {
    if (!state.person) return;
    const before = snapshot();
    checkIn(state.person.badgeToken).then(reloadPerson).then(function () { focusLookup(before); });
  }

  $('checkin-button').addEventListener('click', checkInPerson);

  $('print-button').addEventListener('click', function () {
    if (!state.person) return;
    const before = snapshot();
    printBadge(state.person).then(reloadPerson).then(function () { focusLookup(before); });
  });

  $('rotate-button').addEventListener('click', function () {
    if (!state.person) return;
    const reason = $('reprint-reason').value.trim() || 'Badge perdu';
    const before = snapshot();
    printBadge(state.person, reason).then(reloadPerson).then(function () { focusLookup(before); });
  });

  /**
   * Fetches the badge PDF with the token, checks it is a PDF, and opens it from a blob: URL. With
   * `lostReason`, the badge was lost: its token is replaced (the old badge stops working) and the
   * new one printed.
   */
  function printBadge(p, lostReason) {
    say(lostReason ? 'Nouveau badge : l’ancien ne sera plus accepté…' : 'Préparation du badge…');
    const popup = window.open('', '_blank');
    const headers = { Authorization: 'Bearer ' + state.token };
    let request;
    if (lostReason) {
      headers['Content-Type'] = 'application/json';
      request = fetch('/api/participants/' + encodeURIComponent(p.id) + '/badge-token/rotate', { method: 'POST', headers: headers, body: JSON.stringify({ reason: lostReason }) });
    } else {
      const reason = p.printed ? $('reprint-reason').value.trim() : '';
      const query = reason ? '?reason=' + encodeURIComponent(reason) : '';
      request = fetch('/api/participants/' + encodeURIComponent(p.id) + '/badge.pdf' + query, { headers: headers });
    }
    return request.then(function (res) {
      const type = res.headers.get('content-type') || '';
      if (!res.ok || type.indexOf('application/pdf') !== 0) {
        if (popup) popup.close();
        return res.text().then(function (raw) {
          let body = null;
          try { body = JSON.parse(raw); } catch { body = null; }
          if (res.status === 401) { logout(); say(CODES_FR.UNAUTHENTICATED, 'error'); return; }
          say('✖ Badge non imprimé : ' + errorText(body, 'réponse inattendue du serveur (' + res.status + ')'), 'error');
        });
      }
      return res.blob().then(function (blob) {
        return blob.slice(0, 5).text().then(function (head) {
          if (head !== '%PDF-') {
            if (popup) popup.close();
            say('✖ Badge non imprimé : le fichier reçu n’est pas un PDF.', 'error');
            return;
          }
          if (state.pdfUrl) URL.revokeObjectURL(state.pdfUrl);
          state.pdfUrl = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
          const link = $('pdf-link');
          link.href = state.pdfUrl;
          show('pdf-link-line', true);
          if (popup) popup.location.href = state.pdfUrl;
          say((lostReason ? 'Nouveau badge prêt (l’ancien n’est plus valable) : ' : 'Badge prêt : ') + p.firstName + ' ' + p.lastName +
            (popup ? ' (ouvert dans un nouvel onglet)' : ' — ouvrez-le avec le lien ci-dessous'), 'ok');
        });
      });
    }, function () {
      if (popup) popup.close();
      say('✖ Serveur injoignable : badge non imprimé.', 'error');
    });
  }

  // ---- walk-in -------------------------------------------------------------------------------

  $('walkin-form').addEventListener('submit', function (e) {
    e.preventDefault();
    const before = snapshot();
    const payload = {
      firstName: $('walkin-first').value,
      lastName: $('walkin-last').value,
      email: $('walkin-email').value.trim() || null, // optional: a walk-in without an address is simply never mailed
      affiliation: $('walkin-affiliation').value || null,
      category: $('walkin-category').value,
    };
    api('POST', deskPath('/walk-ins'), payload).then(function (res) {
      if (!res.ok) { say('✖ ' + errorText(res.body, 'Inscription impossible.'), 'error'); return; }
      $('walkin-form').reset();
      $('walkin').open = false;
      renderResults([res.body], 1);
      renderPerson(res.body);
      say(res.body.firstName + ' ' + res.body.lastName + ' est inscrit(e).', 'ok');
      return printBadge(res.body).then(reloadPerson);
    }).then(function () { focusLookup(before); });
  });

  start();
})();
