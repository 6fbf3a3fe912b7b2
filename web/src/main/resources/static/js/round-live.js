// Live round counts and contacts: the page works without this (a reload shows current numbers); with it, the
// numbers follow the server-sent events of /org/{slug}/campaigns/{id}/rounds/{n}/live, and the contacts table
// is re-rendered from the page whenever they change.
(function () {
  'use strict';
  var section = document.querySelector('[data-live-src]');
  if (!section || !window.EventSource) {
    return;
  }
  var note = section.querySelector('[data-live-note]');
  var source = new EventSource(section.getAttribute('data-live-src'));
  function say(text) {
    if (note) {
      note.textContent = text;
    }
  }
  source.addEventListener('open', function () {
    say('(updating live)');
  });
  // The contacts table follows the counts: when a number changes, this page's table (same filter and page)
  // is fetched again and swapped in, so the two never disagree. One fetch at a time; changes meanwhile
  // cause one more. A table the admin is working in (focus inside) is left alone until the next change.
  var table = document.querySelector('[data-live-table]');
  var fetching = false;
  var again = false;
  function refreshTable() {
    if (!table || !window.fetch || !window.DOMParser) {
      return;
    }
    if (fetching) {
      again = true;
      return;
    }
    fetching = true;
    window.fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html || table.contains(document.activeElement)) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-live-table]');
        if (fresh) {
          table.innerHTML = fresh.innerHTML;
          table.setAttribute('data-live-updated', String(Date.now()));
        }
      })
      .catch(function () { /* the next change tries again; a reload always works */ })
      .then(function () {
        fetching = false;
        if (again) {
          again = false;
          refreshTable();
        }
      });
  }
  var lastData = null;
  source.addEventListener('round', function (event) {
    var numbers;
    try {
      numbers = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    var changed = false;
    Object.keys(numbers).forEach(function (key) {
      document.querySelectorAll('[data-live="' + key + '"]').forEach(function (element) {
        var value = String(numbers[key]);
        if (element.textContent !== value) {
          element.textContent = value;
          element.classList.add('changed');
          changed = true;
          window.setTimeout(function () { element.classList.remove('changed'); }, 1200);
        }
      });
    });
    // counters not shown on the page (no provider) still change the table's mail column
    if (changed || (lastData !== null && lastData !== event.data)) {
      refreshTable();
    }
    lastData = event.data;
    if (numbers.status === 'closed') {
      // a closed round changes no more; stop instead of letting EventSource reconnect
      source.close();
      say('(round closed)');
    }
  });
  source.addEventListener('error', function () {
    if (source.readyState === EventSource.CLOSED) {
      say('(live updates stopped: reload for current numbers)');
    } else {
      say('(reconnecting…)');
    }
  });
}());
