// On a time zone picker: offers the browser's own zone with one click when it differs from the one selected
// (the list has hundreds of zones). Nothing changes until the form is saved.
(function () {
  'use strict';
  var select = document.querySelector('select[data-zone-suggest]');
  if (!select || !window.Intl || !Intl.DateTimeFormat) {
    return;
  }
  var mine;
  try {
    mine = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  var option = Array.prototype.find.call(select.options, function (o) { return o.value === mine; });
  if (!option || select.value === mine) {
    return;
  }
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary';
  button.style.marginTop = '0.5rem';
  button.textContent = 'Use my browser\u2019s zone (' + mine + ')';
  button.addEventListener('click', function () {
    select.value = mine;
    select.focus();
    button.remove();
  });
  select.insertAdjacentElement('afterend', button);
})();
