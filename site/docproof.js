// docproof site script: opens a step's output when the address asks for it (#open=L241), and in
// preview reloads the page when its lesson changes. No inline code anywhere: the pages' CSP forbids it.
(function () {
  'use strict';

  function stepFromHash() {
    var open = /^#open=(L\d+)$/.exec(location.hash);
    var plain = /^#(L\d+)$/.exec(location.hash);
    var id = open ? open[1] : plain ? plain[1] : null;
    var step = id ? document.getElementById(id) : null;
    if (!step) {
      return;
    }
    document.querySelectorAll('.step.targeted').forEach(function (s) { s.classList.remove('targeted'); });
    step.classList.add('targeted');
    if (open) {
      step.querySelectorAll('details').forEach(function (d) { d.open = true; });
    }
    step.scrollIntoView({ block: 'start' });
  }

  function toggleAll(open) {
    document.querySelectorAll('.step details').forEach(function (d) { d.open = open; });
  }

  function addToolbar() {
    var steps = document.querySelectorAll('.step details');
    var summary = document.querySelector('.run-summary');
    if (!steps.length || !summary) {
      return;
    }
    var bar = document.createElement('p');
    bar.className = 'toolbar';
    [['Show all outputs', true], ['Hide all outputs', false]].forEach(function (entry) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = entry[0];
      button.addEventListener('click', function () { toggleAll(entry[1]); });
      bar.appendChild(button);
    });
    summary.appendChild(bar);
  }

  function liveReload() {
    var html = document.documentElement;
    if (html.dataset.live !== 'on' || location.protocol.indexOf('http') !== 0) {
      return;
    }
    var url = (html.dataset.root || '') + '_live/version';
    var seen = null;
    function poll() {
      fetch(url, { cache: 'no-store' })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (version) {
          if (version !== null && seen !== null && version !== seen) {
            location.reload();
            return;
          }
          if (version !== null) {
            seen = version;
          }
          setTimeout(poll, 800);
        })
        .catch(function () { setTimeout(poll, 2000); });
    }
    poll();
  }

  document.addEventListener('DOMContentLoaded', function () {
    addToolbar();
    stepFromHash();
    liveReload();
  });
  window.addEventListener('hashchange', stepFromHash);
})();
