// CSV upload with a progress bar: the form posts as usual without JavaScript; with it, the file goes up by
// XMLHttpRequest so the bar can show the upload, and the browser then follows the redirect to the preview.
(function () {
  'use strict';
  var form = document.querySelector('form[data-upload-progress]');
  if (!form || !window.FormData || !window.XMLHttpRequest) {
    return;
  }
  var bar = form.querySelector('progress');
  var status = form.querySelector('.upload-status');
  var button = form.querySelector('button[type="submit"]');
  form.addEventListener('submit', function (event) {
    var input = form.querySelector('input[type="file"]');
    if (!input || !input.files || input.files.length === 0) {
      return; // the browser's own required check speaks
    }
    event.preventDefault();
    var request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        bar.value = Math.round(e.loaded * 100 / e.total);
        status.textContent = 'Uploading… ' + bar.value + '%';
      }
    });
    request.upload.addEventListener('load', function () {
      bar.removeAttribute('value'); // indeterminate while the server reads and checks every line
      status.textContent = 'Checking every line…';
    });
    request.addEventListener('load', function () {
      // the preview (or the seed page with a message) is where the server redirected to
      if (request.responseURL && request.responseURL !== form.action) {
        window.location.assign(request.responseURL);
      } else {
        document.open();
        document.write(request.responseText);
        document.close();
      }
    });
    request.addEventListener('error', function () {
      status.textContent = 'The upload failed. Check the connection and try again.';
      button.disabled = false;
      bar.hidden = true;
    });
    bar.hidden = false;
    bar.value = 0;
    button.disabled = true;
    status.textContent = 'Uploading…';
    request.send(new FormData(form));
  });
}());
