// Nomination form, progressive enhancement: "Add more rows" adds a blank row in place instead of a round trip.
// Without this script the button posts the form and the server answers with more rows (nothing is saved).
(function () {
  'use strict';
  var form = document.querySelector('form.nominate-form');
  if (!form) {
    return;
  }
  var more = form.querySelector('button[name="action"][value="more"]');
  if (!more) {
    return;
  }

  function rows() {
    return form.querySelectorAll('fieldset.nominee');
  }

  function blankRow(template, index) {
    var row = template.cloneNode(true);
    var number = index + 1;
    row.id = 'row' + index;
    row.querySelector('legend').textContent = 'Person ' + number;
    var remove = row.querySelector('.nominee-remove');
    if (remove) {
      remove.parentNode.removeChild(remove);
    }
    row.querySelectorAll('.field-error').forEach(function (error) {
      error.parentNode.removeChild(error);
    });
    ['name', 'email', 'reason'].forEach(function (field) {
      var input = row.querySelector('[name="' + field + '"]');
      var label = row.querySelector('label[for$="-' + field + '"]');
      input.id = 'row' + index + '-' + field;
      input.value = '';
      input.removeAttribute('aria-invalid');
      if (field === 'reason') {
        var hint = row.querySelector('.hint');
        hint.id = 'row' + index + '-reason-hint';
        input.setAttribute('aria-describedby', hint.id);
      } else {
        input.removeAttribute('aria-describedby');
      }
      if (label) {
        label.setAttribute('for', input.id);
      }
    });
    return row;
  }

  more.addEventListener('click', function (event) {
    event.preventDefault();
    var all = rows();
    var last = all[all.length - 1];
    var first;
    for (var i = 0; i < 3; i++) {
      var row = blankRow(last, all.length + i);
      last.parentNode.insertBefore(row, last.nextSibling);
      last = row;
      first = first || row;
    }
    first.querySelector('[name="name"]').focus();
  });
})();
