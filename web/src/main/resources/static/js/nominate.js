// Nomination form, progressive enhancement: the error summary (or the "nothing saved" question) takes the focus,
// and "Add another person" adds one blank row in place instead of a round trip. Without this script the
// summary still comes first (autofocus) and the button posts the form: the server answers with one more row
// (nothing is saved).
(function () {
  'use strict';
  var summary = document.getElementById('errors');
  if (summary) {
    summary.focus();
  }
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
    // the legend in the page's language ("Person 3", "Personne 3"): the copied row's, with its own number
    var legend = row.querySelector('legend');
    legend.textContent = legend.textContent.replace(/\d+/, String(number));
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
    var row = blankRow(last, all.length);
    last.parentNode.insertBefore(row, last.nextSibling);
    row.querySelector('[name="name"]').focus();
  });

  // coming from "Edit" on the short list: the chosen person's name field, ready to type
  if (location.hash && /^#row\d+$/.test(location.hash)) {
    var chosen = document.querySelector(location.hash + ' [name="name"]');
    if (chosen) {
      chosen.focus();
    }
  }
})();
