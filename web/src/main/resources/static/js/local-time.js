// Adds the reader's own time beside a deadline stated in the campaign's zone, when the two zones differ
// ("— Friday 18 December, 22:00 your time"). The server's text stays as it is: this only adds a note after it.
(function () {
  'use strict';
  // the page's language and its words for "your time" ({time} is the reader's time), from the script tag
  var script = document.currentScript;
  var yourTime = (script && script.getAttribute('data-your-time')) || '{time} your time';
  var language = document.documentElement.lang || 'en';
  if (!window.Intl || !Intl.DateTimeFormat) {
    return;
  }
  var reader;
  try {
    reader = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  var day = {weekday: 'long', day: 'numeric', month: 'long'};
  var clock = {hour: '2-digit', minute: '2-digit', hourCycle: 'h23'};

  function moment(at, zone) {
    var inZone = zone ? {timeZone: zone} : {};
    try {
      return new Intl.DateTimeFormat(language, Object.assign({}, day, inZone)).format(at) + ', '
          + new Intl.DateTimeFormat(language, Object.assign({}, clock, inZone)).format(at);
    } catch (e) {
      return null;
    }
  }

  document.querySelectorAll('time[datetime][data-zone]').forEach(function (time) {
    var at = new Date(time.getAttribute('datetime'));
    if (!reader || isNaN(at.getTime())) {
      return;
    }
    var theirs = moment(at, time.getAttribute('data-zone'));
    var mine = moment(at, null);
    // same zone, or another zone with the same clock time at that moment: nothing worth adding
    if (!theirs || !mine || reader === time.getAttribute('data-zone') || theirs === mine) {
      return;
    }
    var note = document.createElement('span');
    note.className = 'local-time';
    note.textContent = ' (' + yourTime.replace('{time}', mine) + ', ' + reader + ')';
    var strong = time.parentNode.nodeName === 'STRONG' ? time.parentNode : time;
    strong.parentNode.insertBefore(note, strong.nextSibling);
  });
})();
