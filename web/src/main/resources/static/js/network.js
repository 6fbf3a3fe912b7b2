// The referral network drawing, enhanced: selecting a person (tap, click, Tab) highlights their nominations and
// shows who named them and whom they named below the drawing, with a link to their row in the table. Without
// this script every person is a plain link to that row.
(function () {
  'use strict';
  var detail = document.getElementById('network-detail');
  var table = document.querySelector('details.network-table');
  if (!detail) {
    return;
  }

  function openTable() {
    if (table) {
      table.open = true;
    }
  }

  function clear() {
    document.querySelectorAll('svg.network').forEach(function (svg) {
      svg.classList.remove('selecting');
      svg.querySelectorAll('.selected, .linked, .on').forEach(function (el) {
        el.classList.remove('selected', 'linked', 'on');
      });
    });
  }

  function select(node) {
    var id = node.getAttribute('data-id');
    var svg = node.ownerSVGElement;
    clear();
    svg.classList.add('selecting');
    node.classList.add('selected');
    svg.querySelectorAll('.edge').forEach(function (edge) {
      var from = edge.getAttribute('data-from');
      var to = edge.getAttribute('data-to');
      if (from === id || to === id) {
        edge.classList.add('on');
        var other = svg.querySelector('.node[data-id="' + (from === id ? to : from) + '"]');
        if (other) {
          other.classList.add('linked');
        }
      }
    });
    detail.textContent = node.getAttribute('aria-label') + ' ';
    var link = document.createElement('a');
    link.href = node.getAttribute('href');
    link.textContent = 'Show in the table';
    link.addEventListener('click', openTable);
    detail.appendChild(link);
    detail.hidden = false;
  }

  document.querySelectorAll('svg.network .node').forEach(function (node) {
    node.addEventListener('focus', function () { select(node); });
    node.addEventListener('click', function (event) {
      // with the script a tap selects; the row in the table is one link away in the detail
      event.preventDefault();
      node.focus();
      select(node);
    });
  });
  document.querySelectorAll('a[href="#network-people"]').forEach(function (link) {
    link.addEventListener('click', openTable);
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !detail.hidden) {
      clear();
      detail.hidden = true;
    }
  });
})();
