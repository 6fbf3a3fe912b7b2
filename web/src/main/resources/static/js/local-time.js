// Adds the reader's own time beside a deadline stated in the campaign's zone, when the two zones differ
// ("— Friday 18 December, 22:00 your time"). The server's text stays as it is: this only adds a note after it.
(function () {
  'use strict';
  if (!window.Intl || !Intl.DateTimeFormat) {
    return;
  }
  var reader;
  try {
    reader = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  document.querySelectorAll('time[datetime][data-zone]').forEach(function (time) {
    var at = new Date(time.getAttribute('datetime'));
    if (!reader || isNaN(at.getTime())) {
      return;
    }
    var options = {weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'};
    var theirs = new Intl.DateTimeFormat('en-GB', Object.assign({timeZone: time.getAttribute('data-zone')}, options));
    var mine = new Intl.DateTimeFormat('en-GB', options);
    // same zone, or another zone with the same clock time at that moment: nothing worth adding
    if (reader === time.getAttribute('data-zone') || theirs.format(at) === mine.format(at)) {
      return;
    }
    var note = document.createElement('span');
    note.className = 'local-time';
    note.textContent = ' (' + mine.format(at).replace(' at ', ', ') + ' your time, ' + reader + ')';
    var strong = time.parentNode.nodeName === 'STRONG' ? time.parentNode : time;
    strong.parentNode.insertBefore(note, strong.nextSibling);
  });
})();
