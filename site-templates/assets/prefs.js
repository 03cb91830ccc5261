/* Display preferences: text size (大/中/小) and 适老 mode, remembered across pages in localStorage.
 * The controls in the page header work without this script (CSS :has() applies the checked state); this script
 * only restores the choice on the next page, mirrors it as classes on <html> for browsers without :has(), and
 * shows the record page's print button. No cookies, nothing sent anywhere. */
(function () {
  'use strict';
  var KEY = 'gongkai.prefs';
  var root = document.documentElement;

  /** The remembered choice, or null when there is none (then the page's own control state stands). */
  function load() {
    try {
      var raw = window.localStorage.getItem(KEY);
      if (!raw) return null;
      var v = JSON.parse(raw);
      return { fs: /^[sml]$/.test(v.fs) ? v.fs : 'm', elder: v.elder === true };
    } catch (e) {
      return null;
    }
  }

  function save(p) {
    try { window.localStorage.setItem(KEY, JSON.stringify(p)); } catch (e) { /* private mode: this page only */ }
  }

  function apply(p) {
    root.classList.remove('fs-s', 'fs-l');
    if (p.fs !== 'm') root.classList.add('fs-' + p.fs);
    root.classList.toggle('elder', p.elder);
  }

  var prefs = load();
  if (prefs) apply(prefs);

  document.addEventListener('DOMContentLoaded', function () {
    var elder = document.getElementById('pref-elder');
    if (prefs) {
      var size = document.getElementById('fs-' + prefs.fs);
      if (size) size.checked = true;
      if (elder) elder.checked = prefs.elder;
    }
    var form = document.querySelector('form.prefs');
    if (form) {
      form.addEventListener('change', function () {
        var checked = form.querySelector('input[name="fs"]:checked');
        prefs = { fs: checked ? checked.value : 'm', elder: !!(elder && elder.checked) };
        apply(prefs);
        save(prefs);
      });
    }
    var tools = document.querySelectorAll('.doc-tools');
    for (var i = 0; i < tools.length; i++) {
      tools[i].hidden = false;
      var button = tools[i].querySelector('.print-button');
      if (button) button.addEventListener('click', function () { window.print(); });
    }
  });
})();
