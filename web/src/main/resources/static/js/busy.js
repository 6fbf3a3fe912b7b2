// Forms that came back with errors put the focus on them. Long actions say they are working: a form with
// data-busy disables its button and shows the text while the server works; a download link with data-busy does the same for a while (a download leaves the page
// where it is, so there is no event to wait for).
(function () {
  'use strict';
  // a form that came back with errors: take keyboard and screen-reader users to the summary (or the field)
  var summary = document.getElementById('error-summary') || document.querySelector('[aria-invalid="true"]');
  if (summary) {
    summary.focus();
  }
  document.querySelectorAll('form[data-busy]').forEach(function (form) {
    form.addEventListener('submit', function () {
      var button = form.querySelector('button[type="submit"]');
      if (button) {
        button.textContent = form.getAttribute('data-busy');
        window.setTimeout(function () { button.disabled = true; }, 0);
      }
      form.setAttribute('aria-busy', 'true');
    });
  });
  document.querySelectorAll('a[data-busy]').forEach(function (link) {
    var label = link.textContent;
    link.addEventListener('click', function (event) {
      if (link.getAttribute('aria-disabled') === 'true') {
        event.preventDefault();
        return;
      }
      link.setAttribute('aria-disabled', 'true');
      link.classList.add('busy');
      link.textContent = link.getAttribute('data-busy');
      var status = document.querySelector('[data-busy-status]');
      if (status) {
        status.textContent = link.getAttribute('data-busy') + ' The download starts when the file is ready.';
      }
      window.setTimeout(function () {
        link.removeAttribute('aria-disabled');
        link.classList.remove('busy');
        link.textContent = label;
        if (status) {
          status.textContent = '';
        }
      }, 5000);
    });
  });
}());
