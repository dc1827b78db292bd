// report.html's script: draws an entry's timeline (timeline.js, inlined before this) when the entry is opened and
// comes into view, fills in rule explanations, opens linked entries, and copies <pre> blocks as text.
/* global podconformTimeline */
(function () {
  'use strict';

  var draw = podconformTimeline.draw;

  // An entry refers to its rule's explanation, written once per page as a <template> (reports/html/rule-explanation.ts).
  function explainRules(details) {
    var refs = details.querySelectorAll('.rule[data-rule-template]:not([data-filled])');
    for (var i = 0; i < refs.length; i++) {
      var template = document.getElementById(refs[i].getAttribute('data-rule-template'));
      if (!template) continue;
      refs[i].replaceChildren(template.content.cloneNode(true));
      refs[i].setAttribute('data-filled', 'true');
    }
  }

  // A timeline is drawn when its entry is open and it comes near the viewport: the failures open on load do not all
  // cost a drawing before the page can be used, and an entry opened by hand is in view, so it is drawn at once.
  var observer = null;
  var firstBatchDone = false;

  function onIntersect(records) {
    records.forEach(function (record) {
      if (!record.isIntersecting) return;
      observer.unobserve(record.target);
      draw(record.target);
    });
    if (!firstBatchDone) {
      firstBatchDone = true;
      document.documentElement.setAttribute('data-timelines-drawn-at', String(Math.round(performance.now())));
    }
  }

  function drawIn(details) {
    explainRules(details);
    var hosts = details.querySelectorAll('.timeline-host:not([data-drawn])');
    for (var i = 0; i < hosts.length; i++) {
      if (observer) observer.observe(hosts[i]);
      else draw(hosts[i]);
    }
  }

  document.addEventListener(
    'toggle',
    function (event) {
      var target = event.target;
      if (target instanceof HTMLDetailsElement && target.open) drawIn(target);
    },
    true,
  );

  // A link to an entry (#entry-12, from the divergences table, or in the address) opens it: a click on a link to
  // the hash already in the address fires no hashchange, so clicks are watched too.
  function openEntry(hash) {
    var target = hash ? document.getElementById(hash.slice(1)) : null;
    if (target instanceof HTMLDetailsElement && !target.open) target.open = true;
  }
  function openLinkedEntry() {
    openEntry(window.location.hash);
  }
  window.addEventListener('hashchange', openLinkedEntry);
  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('a[href^="#entry-"]') : null;
    if (link) openEntry(link.getAttribute('href'));
  });

  function start() {
    openLinkedEntry();
    if (typeof IntersectionObserver === 'function') {
      observer = new IntersectionObserver(onIntersect, { rootMargin: '400px 0px' });
    }
    var open = document.querySelectorAll('details.entry[open]');
    for (var i = 0; i < open.length; i++) drawIn(open[i]);
    if (!observer || open.length === 0) {
      firstBatchDone = true;
      document.documentElement.setAttribute('data-timelines-drawn-at', String(Math.round(performance.now())));
    }
  }

  function copyText(text, button) {
    var done = function () {
      button.textContent = 'Copied';
      button.classList.add('copied');
      setTimeout(function () {
        button.textContent = 'Copy';
        button.classList.remove('copied');
      }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () {
        copyBySelection(text, done);
      });
    } else {
      copyBySelection(text, done);
    }
  }

  // file:// pages may lack the async clipboard: fall back to a hidden textarea and the copy command.
  function copyBySelection(text, done) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try {
      if (document.execCommand('copy')) done();
    } finally {
      document.body.removeChild(area);
    }
  }

  document.addEventListener('click', function (event) {
    var button = event.target instanceof Element ? event.target.closest('button.copy') : null;
    if (!button) return;
    var pre = document.getElementById(button.getAttribute('data-copy'));
    if (pre) copyText(pre.textContent, button);
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
