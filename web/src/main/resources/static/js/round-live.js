// Live round counts: the page works without this (a reload shows current numbers); with it, the numbers
// follow the server-sent events of /org/{slug}/campaigns/{id}/rounds/{n}/live.
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
  source.addEventListener('round', function (event) {
    var numbers;
    try {
      numbers = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    Object.keys(numbers).forEach(function (key) {
      document.querySelectorAll('[data-live="' + key + '"]').forEach(function (element) {
        var value = String(numbers[key]);
        if (element.textContent !== value) {
          element.textContent = value;
          element.classList.add('changed');
          window.setTimeout(function () { element.classList.remove('changed'); }, 1200);
        }
      });
    });
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
