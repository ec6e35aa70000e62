// docproof site script: opens a step's output when the address asks for it (#open=L241), searches the
// course (the index is a script beside the pages, since pages opened from file:// may not fetch files),
// and in preview reloads the page when its lesson changes. No inline code anywhere: the pages' CSP
// forbids it.
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
    revealTabs(step);
    if (open) {
      step.querySelectorAll('details').forEach(function (d) { d.open = true; });
    }
    step.scrollIntoView({ block: 'start' });
  }

  // A tab of Sphinx's tab extensions: sphinx-tabs (tab, group-tab; code-tab becomes a tab), sphinx-design
  // (tab-item) and sphinx-inline-tabs (tab, side by side with no set around them).
  var TAB = '.exampleblock.group-tab, .exampleblock.group-group-tab, .exampleblock.group-tab-item';

  function isTab(element) {
    return element.matches && element.matches(TAB);
  }

  // Every run of tabs side by side gets a row of buttons; a tab shows alone, the others hidden until chosen.
  function makeTabs() {
    var parents = [];
    document.querySelectorAll(TAB).forEach(function (tab) {
      if (parents.indexOf(tab.parentNode) < 0) {
        parents.push(tab.parentNode);
      }
    });
    parents.forEach(function (parent) {
      var run = [];
      Array.prototype.slice.call(parent.children).concat([null]).forEach(function (child) {
        if (child && isTab(child)) {
          run.push(child);
        } else if (run.length) {
          tabSet(run.splice(0));
        }
      });
    });
  }

  function tabSet(tabs) {
    var bar = document.createElement('div');
    bar.className = 'tab-bar';
    bar.setAttribute('role', 'tablist');
    tabs[0].parentNode.insertBefore(bar, tabs[0]);
    tabs.forEach(function (tab, i) {
      var title = tab.querySelector(':scope > .title');
      var button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('role', 'tab');
      button.textContent = title ? title.textContent : 'Tab ' + (i + 1);
      // a verdict a reader must not miss behind another tab shows on the tab's button
      ['failed', 'repaired'].forEach(function (verdict) {
        if (tab.querySelector('.step.' + verdict)) {
          button.classList.add('has-' + verdict);
        }
      });
      tab.docproofChoose = function () { choose(tabs, bar, i); };
      button.addEventListener('click', tab.docproofChoose);
      bar.appendChild(button);
      tab.classList.add('tabbed');
    });
    choose(tabs, bar, 0);
  }

  function choose(tabs, bar, chosen) {
    tabs.forEach(function (tab, i) { tab.hidden = i !== chosen; });
    Array.prototype.forEach.call(bar.children, function (button, i) {
      button.setAttribute('aria-selected', String(i === chosen));
    });
  }

  // A step asked for by the address may sit in a hidden tab: its tab (and each tab around it) is chosen first.
  function revealTabs(element) {
    for (var node = element; node && node !== document.body; node = node.parentNode) {
      if (node.hidden && node.docproofChoose) {
        node.docproofChoose();
      }
    }
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

  var searchIndex = null;
  var searchWaiting = [];

  function loadSearchIndex(then) {
    if (window.docproofSearchIndex) {
      searchIndex = window.docproofSearchIndex;
      then();
      return;
    }
    searchWaiting.push(then);
    if (searchWaiting.length > 1) {
      return;
    }
    var script = document.createElement('script');
    script.src = (document.documentElement.dataset.root || '') + 'searchindex.js';
    script.addEventListener('load', function () {
      searchIndex = window.docproofSearchIndex || { pages: [], sections: [], terms: {} };
      searchWaiting.splice(0).forEach(function (f) { f(); });
    });
    document.head.appendChild(script);
  }

  function words(text) {
    return (text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) || []);
  }

  // Pages holding every query word (a word matches the index's words it starts), best first.
  function search(query) {
    var wanted = words(query);
    if (!wanted.length || !searchIndex) {
      return [];
    }
    var terms = Object.keys(searchIndex.terms);
    var scores = null;
    wanted.forEach(function (word) {
      var found = {};
      terms.forEach(function (term) {
        if (term.lastIndexOf(word, 0) !== 0) {
          return;
        }
        var postings = searchIndex.terms[term];
        for (var i = 0; i < postings.length; i += 2) {
          found[postings[i]] = (found[postings[i]] || 0) + postings[i + 1] * (term === word ? 2 : 1);
        }
      });
      if (scores === null) {
        scores = found;
      } else {
        Object.keys(scores).forEach(function (page) {
          if (found[page] === undefined) {
            delete scores[page];
          } else {
            scores[page] += found[page];
          }
        });
      }
    });
    return Object.keys(scores || {}).map(function (page) {
      var title = searchIndex.pages[page][0].toLowerCase();
      var bonus = wanted.every(function (w) { return title.indexOf(w) >= 0; }) ? 1000 : 0;
      return { page: Number(page), score: scores[page] + bonus };
    }).sort(function (a, b) { return b.score - a.score || a.page - b.page; }).slice(0, 20);
  }

  function showResults(box, panel) {
    var root = document.documentElement.dataset.root || '';
    var query = box.value.trim();
    panel.textContent = '';
    if (!query) {
      panel.hidden = true;
      return;
    }
    var hits = search(query);
    var wanted = words(query);
    if (!hits.length) {
      var none = document.createElement('p');
      none.className = 'search-none';
      none.textContent = 'No page matches “' + query + '”.';
      panel.appendChild(none);
    } else {
      var list = document.createElement('ul');
      hits.forEach(function (hit) {
        var page = searchIndex.pages[hit.page];
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = root + page[1];
        link.textContent = page[0];
        item.appendChild(link);
        searchIndex.sections.filter(function (s) {
          var title = s[1].toLowerCase();
          return s[0] === hit.page && s[2] && wanted.some(function (w) { return title.indexOf(w) >= 0; });
        }).slice(0, 3).forEach(function (s) {
          var section = document.createElement('a');
          section.className = 'search-section';
          section.href = root + page[1] + s[2];
          section.textContent = s[1];
          item.appendChild(section);
        });
        list.appendChild(item);
      });
      panel.appendChild(list);
    }
    panel.hidden = false;
  }

  function setUpSearch() {
    var box = document.getElementById('search-box');
    var panel = document.getElementById('search-results');
    if (!box || !panel) {
      return;
    }
    box.addEventListener('focus', function () { loadSearchIndex(function () { }); });
    box.addEventListener('input', function () {
      loadSearchIndex(function () { showResults(box, panel); });
    });
    box.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        var first = panel.querySelector('a');
        if (first) {
          location.href = first.href;
        }
      } else if (event.key === 'Escape') {
        panel.hidden = true;
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    setUpSearch();
    makeTabs();
    addToolbar();
    stepFromHash();
    liveReload();
  });
  window.addEventListener('hashchange', stepFromHash);
})();
