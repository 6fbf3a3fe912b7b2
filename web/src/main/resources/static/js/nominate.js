// Nomination form, progressive enhancement: the error summary (or the "nothing saved" question) takes the focus,
// and "Add another person" adds one blank row in place instead of a round trip. Without this script the
// summary still comes first (autofocus) and the button posts the form: the server answers with one more row
// (nothing is saved).
//
// The list being typed is kept in the tab's sessionStorage (never localStorage: it must not outlive the tab on a
// shared computer), one draft per invitation (the form's data-draft). Should the page be left open until the
// session ends, the refused save says so, and the same form opened again empty in this tab (after confirming the
// address again) gets the rows back, as text. The thank-you page (data-draft-saved) drops the draft.
(function () {
  'use strict';
  var DRAFT = 'wrt.nominate.draft.';
  var FIELDS = ['name', 'email', 'reason'];
  var MAX_ROWS = 100;

  function storage() {
    try {
      return window.sessionStorage;
    } catch (blocked) {
      return null; // storage turned off: the form works as before, without a draft
    }
  }

  var saved = document.querySelector('[data-draft-saved]');
  if (saved && saved.getAttribute('data-draft-saved') && storage()) {
    storage().removeItem(DRAFT + saved.getAttribute('data-draft-saved'));
  }

  var summary = document.getElementById('errors');
  if (summary) {
    summary.focus();
  }
  var form = document.querySelector('form.nominate-form');
  if (!form) {
    return;
  }
  var more = form.querySelector('button[name="action"][value="more"]');

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

  function addRow() {
    var all = rows();
    var last = all[all.length - 1];
    var row = blankRow(last, all.length);
    last.parentNode.insertBefore(row, last.nextSibling);
    return row;
  }

  if (more) {
    more.addEventListener('click', function (event) {
      event.preventDefault();
      addRow().querySelector('[name="name"]').focus();
    });
  }

  // the draft: what the rows hold now (rows marked "remove" and blank rows left out)
  var key = form.getAttribute('data-draft') ? DRAFT + form.getAttribute('data-draft') : null;

  function typed() {
    var list = [];
    rows().forEach(function (row) {
      var remove = row.querySelector('.nominee-remove input[type="checkbox"]');
      var person = {};
      var filled = false;
      FIELDS.forEach(function (field) {
        var input = row.querySelector('[name="' + field + '"]');
        person[field] = input ? input.value : '';
        filled = filled || person[field].trim() !== '';
      });
      if (filled && !(remove && remove.checked)) {
        list.push(person);
      }
    });
    return list;
  }

  function keep() {
    var store = storage();
    if (!key || !store) {
      return;
    }
    var list = typed();
    try {
      if (list.length) {
        store.setItem(key, JSON.stringify(list));
      } else {
        store.removeItem(key);
      }
    } catch (full) {
      // no room: the form still works, only without a draft
    }
  }

  function kept() {
    var store = storage();
    var list;
    try {
      list = key && store ? JSON.parse(store.getItem(key) || 'null') : null;
    } catch (broken) {
      return null;
    }
    if (!Array.isArray(list)) {
      return null;
    }
    return list.slice(0, MAX_ROWS).filter(function (person) {
      return person && typeof person === 'object';
    });
  }

  // opened again empty in this tab (after the session ended) while a draft is kept: the rows come back, as text
  function restore() {
    var list = kept();
    if (!list || !list.length || typed().length || !more) {
      return;
    }
    while (rows().length < list.length) {
      addRow();
    }
    var all = rows();
    list.forEach(function (person, index) {
      FIELDS.forEach(function (field) {
        var input = all[index].querySelector('[name="' + field + '"]');
        if (input && typeof person[field] === 'string') {
          input.value = person[field];
        }
      });
    });
    var notice = document.createElement('p');
    notice.className = 'flash ok nominate-draft';
    notice.setAttribute('role', 'status');
    notice.textContent = form.getAttribute('data-draft-restored') || '';
    form.parentNode.insertBefore(notice, form);
  }

  restore();
  form.addEventListener('input', keep);
  form.addEventListener('change', keep);
  form.addEventListener('submit', keep);

  // coming from "Edit" on the short list: the chosen person's name field, ready to type
  if (location.hash && /^#row\d+$/.test(location.hash)) {
    var chosen = document.querySelector(location.hash + ' [name="name"]');
    if (chosen) {
      chosen.focus();
    }
  }
})();
