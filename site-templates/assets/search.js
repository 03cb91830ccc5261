/* gongkai search client: fetches the shards of the query's own terms from search/ and ranks exactly as Lucene's
 * BM25 does at build time (float32 arithmetic via Math.fround). Mirrors dev.gongkai.index.analysis.SearchAnalyzer
 * and dev.gongkai.index.SearchQuery; see SearchExport for the file formats. No framework, no build step. */
(function () {
  'use strict';
  var F = Math.fround;
  var FACETS = ['domain', 'item', 'year', 'agency', 'validity', 'kind'];
  var PAGE = 10;

  // ------------------------------------------------------------------------------------------ analysis
  // Default_Ignorable_Code_Point (BMP), removed by ICU's nfkc_cf.
  var IGNORABLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFF8]/g;
  var CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC]/u;
  var LETTER = /[\p{L}\p{M}]/u;
  var DIGIT = /\p{Nd}/u;
  var MID_LETTER = ':\u00B7\u0387\u05F4\u2027\uFE13\uFE55';
  var MID_NUM = ',;\u037E\u0589\u060C\u060D\u066C\u07F8\u2044\uFE10\uFE14\uFE50\uFE54';
  var MID_NUM_LET = '.\u2018\u2019\u2024\uFE52\'';

  /** NFKC case folding (approximating ICU nfkc_cf), then the one-to-one folds (T→S, brackets). */
  function fold(s, t2s, brackets) {
    s = s.normalize('NFKC').replace(IGNORABLE, '').toLowerCase().replace(/ß/g, 'ss').replace(/ς/g, 'σ')
      .normalize('NFKC');
    var out = '';
    for (var ch of s) {
      var b = brackets.indexOf(ch);
      if (b >= 0) ch = b < brackets.length / 2 ? '\u3014' : '\u3015';
      else if (t2s[ch]) ch = t2s[ch];
      out += ch;
    }
    return out;
  }

  function cls(ch) {
    if (CJK.test(ch)) return 'C';
    if (DIGIT.test(ch)) return 'N';
    if (LETTER.test(ch)) return 'A';
    return '';
  }

  /** UAX #29 words as Lucene's StandardTokenizer makes them; CJK characters one by one. */
  function tokenize(s) {
    var cps = Array.from(s), toks = [], i = 0, n = cps.length, pos = -1;
    while (i < n) {
      var c = cls(cps[i]);
      if (c === 'C') { toks.push({ t: cps[i], pos: ++pos, cjk: true, at: i }); i++; continue; }
      if (c !== 'A' && c !== 'N') { i++; continue; }
      var j = i + 1, last = c;
      while (j < n) {
        var d = cls(cps[j]);
        if (d === 'A' || d === 'N') { last = d; j++; continue; }
        if (cps[j] === '_') { last = '_'; j++; continue; }
        var e = j + 1 < n ? cls(cps[j + 1]) : '';
        var m = cps[j];
        if (last === 'A' && e === 'A' && (MID_LETTER.indexOf(m) >= 0 || MID_NUM_LET.indexOf(m) >= 0)) { j += 1; continue; }
        if (last === 'N' && e === 'N' && (MID_NUM.indexOf(m) >= 0 || MID_NUM_LET.indexOf(m) >= 0)) { j += 1; continue; }
        break;
      }
      toks.push({ t: cps.slice(i, j).join(''), pos: ++pos, cjk: false, at: i });
      i = j;
    }
    return toks;
  }

  /** Mirrors QueryAnalysis.isBigramRun: CJK bigrams only, at positions 0, 1, 2, …; matched without positions. */
  function isBigramRun(terms) {
    if (terms.length < 2) return false;
    return terms.every(function (t, i) {
      var c = Array.from(t.t);
      return t.pos === i && c.length === 2 && CJK.test(c[0]) && CJK.test(c[1]);
    });
  }

  /** One query part: bigrams of adjacent CJK characters, lone CJK characters, words; positions as indexed. */
  function partTerms(folded) {
    var toks = tokenize(folded), terms = [], covered = {};
    for (var k = 0; k + 1 < toks.length; k++) {
      var a = toks[k], b = toks[k + 1];
      if (a.cjk && b.cjk && b.at === a.at + 1) {
        terms.push({ t: a.t + b.t, pos: a.pos });
        covered[a.pos] = covered[b.pos] = true;
      }
    }
    for (k = 0; k < toks.length; k++) if (!(toks[k].cjk && covered[toks[k].pos])) terms.push({ t: toks[k].t, pos: toks[k].pos });
    terms.sort(function (x, y) { return x.pos - y.pos; });
    if (terms.length) { var first = terms[0].pos; terms.forEach(function (x) { x.pos -= first; }); }
    return terms;
  }

  // ------------------------------------------------------------------------------------------ fetching
  var cache = {};
  var base = '';

  function get(path, kind) {
    var key = kind + ':' + path;
    if (!cache[key]) {
      cache[key] = fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error(path + ': HTTP ' + r.status);
        if (kind === 'json') return r.json();
        if (kind === 'text') return r.text();
        return new Response(r.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
      });
      cache[key].catch(function () { delete cache[key]; });
    }
    return cache[key];
  }

  function fnv(bytes) {
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193); }
    return h >>> 0;
  }

  function Reader(buf, at) { this.v = new DataView(buf); this.b = new Uint8Array(buf); this.p = at || 0; }
  Reader.prototype.vint = function () {
    var r = 0, s = 1, x;
    do { x = this.b[this.p++]; r += (x & 127) * s; s *= 128; } while (x & 128);
    return r;
  };

  var utf8 = new TextEncoder();

  /** Postings of (field, term): {idf, docs, freqs, norms, posOff, shard} or null; decoded once per page. */
  var decoded = {};
  function postings(m, field, term) {
    var key = field + ' ' + term;
    if (decoded[key]) return decoded[key];
    var tb = utf8.encode(term), shard = (fnv(tb) % m.shards).toString(16);
    return decoded[key] = get('t/' + shard + '.dat', 'bin').then(function (buf) {
      var r = new Reader(buf, 4);
      while (r.p < r.b.length) {
        var f = r.b[r.p++], inline = !(f & 128), len = r.vint(), same = (f & 127) === field && len === tb.length;
        for (var i = 0; same && i < len; i++) if (r.b[r.p + i] !== tb[i]) same = false;
        r.p += len;
        var idf = r.v.getFloat32(r.p, true); r.p += 4;
        var df = r.vint(), plen = r.vint();
        if (!same) { r.p += plen; r.vint(); r.vint(); continue; }
        var docs = new Int32Array(df), freqs = new Int32Array(df), norms = new Uint8Array(df), d = 0;
        for (i = 0; i < df; i++) { d += r.vint(); docs[i] = d; }
        for (i = 0; i < df; i++) freqs[i] = r.vint();
        var entry = { idf: idf, docs: docs, freqs: freqs, norms: norms, shard: shard };
        if (inline) for (i = 0; i < df; i++) norms[i] = r.b[r.p++];
        entry.posOff = r.vint();
        if (inline) return entry;
        // A common term: its norms are those of the field, fetched once for every common term.
        return get('n/' + field + '.dat', 'bin').then(function (nb) {
          var all = new Uint8Array(nb);
          for (var i = 0; i < df; i++) norms[i] = all[docs[i]];
          return entry;
        });
      }
      return null;
    }).catch(function (e) { delete decoded[key]; throw e; });
  }

  /** Positions of a posting list for the wanted docs only (wanted[doc] true): doc id → array. */
  function positions(p, wanted) {
    return get('p/' + p.shard + '.dat', 'bin').then(function (buf) {
      var r = new Reader(buf, p.posOff), out = {};
      for (var i = 0; i < p.docs.length; i++) {
        var n = p.freqs[i];
        if (!wanted[p.docs[i]]) { while (n--) r.vint(); continue; }
        var a = new Array(n), x = 0;
        for (var k = 0; k < n; k++) { x += r.vint(); a[k] = x; }
        out[p.docs[i]] = a;
      }
      return out;
    });
  }

  // ------------------------------------------------------------------------------------------ scoring
  function byte4ToInt(i) {
    if (i < 24) return i;
    var v = i - 24, bits = v & 7, shift = (v >>> 3) - 1;
    return 24 + (shift === -1 ? bits : (bits | 8) * Math.pow(2, shift));
  }

  /** BM25Similarity's per-norm cache: 1f / (k1 * ((1 - b) + b * LENGTH_TABLE[i] / avgdl)), all in float. */
  function normCache(m, f) {
    var k1 = F(m.bm25.k1), b = F(m.bm25.b), avgdl = F(f.avgdl), c = new Float32Array(256);
    for (var i = 0; i < 256; i++) c[i] = F(1 / F(k1 * F(F(1 - b) + F(F(b * F(byte4ToInt(i))) / avgdl))));
    return c;
  }

  /**
   * Adds one part's score in one field to acc (a Float64Array by doc id) and marks hits: Lucene sums the clause
   * scores of a BooleanQuery in double and rounds to float once. Per doc: BM25Scorer.score, i.e.
   * weight - weight / (1 + freq * normInverse), each step in float.
   */
  function scoreField(m, fi, terms, acc, hit) {
    var field = m.fields[fi];
    return Promise.all(terms.map(function (t) { return postings(m, fi, t.t); })).then(function (ps) {
      if (ps.some(function (p) { return !p; })) return;
      var idf = 0;
      ps.forEach(function (p) { idf += p.idf; });
      var weight = F(F(field.boost) * F(idf)), cache = field.cache || (field.cache = normCache(m, field));
      function score(doc, freq, norm) {
        acc[doc] += F(weight - F(weight / F(1 + F(freq * cache[norm]))));
        hit[doc] = 1;
      }
      var p0 = ps[0], i;
      if (ps.length === 1) {
        for (i = 0; i < p0.docs.length; i++) score(p0.docs[i], p0.freqs[i], p0.norms[i]);
        return;
      }
      if (isBigramRun(terms)) {
        // Conjunction of term queries: each term with its own idf, summed in double, rounded once (ConjunctionScorer).
        var sum = new Float64Array(m.docs), seen = new Uint16Array(m.docs);
        ps.forEach(function (p) {
          var w = F(F(field.boost) * F(p.idf));
          for (var j = 0; j < p.docs.length; j++) {
            var doc = p.docs[j];
            sum[doc] += F(w - F(w / F(1 + F(p.freqs[j] * cache[p.norms[j]]))));
            seen[doc]++;
          }
        });
        for (i = 0; i < p0.docs.length; i++) {
          var doc = p0.docs[i];
          if (seen[doc] === ps.length) { acc[doc] += F(sum[doc]); hit[doc] = 1; }
        }
        return;
      }
      // Phrase: intersect doc ids first, then count exact matches in positions (ExactPhraseMatcher).
      var count = new Uint16Array(m.docs), wanted = {}, cand = [];
      ps.forEach(function (p) { for (var j = 0; j < p.docs.length; j++) count[p.docs[j]]++; });
      for (i = 0; i < p0.docs.length; i++) if (count[p0.docs[i]] === ps.length) { wanted[p0.docs[i]] = true; cand.push(i); }
      if (!cand.length) return;
      return Promise.all(ps.map(function (p) { return positions(p, wanted); })).then(function (pos) {
        cand.forEach(function (i) {
          var d = p0.docs[i], freq = 0, lead = pos[0][d];
          for (var a = 0; a < lead.length; a++) {
            var start = lead[a] - terms[0].pos, ok = start >= 0;
            for (var k = 1; ok && k < terms.length; k++) ok = pos[k][d].indexOf(start + terms[k].pos) >= 0;
            if (ok) freq++;
          }
          if (freq > 0) score(d, freq, p0.norms[i]);
        });
      });
    });
  }

  /** All matching docs with scores: MUST over parts, SHOULD over fields, as Lucene sums them. doc → score. */
  function run(m, parts) {
    var n = m.docs, total = new Float64Array(n), matched = new Uint16Array(n);
    return Promise.all(parts.map(function (terms) {
      var acc = new Float64Array(n), hit = new Uint8Array(n);
      return Promise.all(m.fields.map(function (f, fi) { return scoreField(m, fi, terms, acc, hit); })).then(function () {
        for (var d = 0; d < n; d++) if (hit[d]) { total[d] += F(acc[d]); matched[d]++; }
      });
    })).then(function () {
      var out = [];
      if (parts.length) for (var d = 0; d < n; d++) if (matched[d] === parts.length) out.push({ doc: d, score: F(total[d]) });
      return out;
    });
  }

  // ------------------------------------------------------------------------------------------ the engine
  /**
   * Loads the manifest and answers queries. search(text, filters) resolves to
   * {total, hits: [{doc, score}], facets: {dim: [[value, label, count]]}, parts, folded}.
   */
  function Engine(indexBase) {
    base = indexBase;
    this.ready = get('manifest.json', 'json').then(function (m) {
      if (m.analyzer !== 'gongkai-cjk-1' || m.format !== 1) throw new Error('unknown index format ' + m.analyzer);
      return m;
    });
  }

  Engine.prototype.t2s = function (m, text) {
    var buckets = {};
    for (var ch of text) { var cp = ch.codePointAt(0); if (cp >= 0x3400 && cp <= 0x9fff) buckets[cp % m.t2sBuckets] = 1; }
    return Promise.all(Object.keys(buckets).map(function (b) { return get('t2s/' + b + '.txt', 'text'); }))
      .then(function (texts) {
        var map = {};
        texts.forEach(function (t) { var a = Array.from(t); for (var i = 0; i + 1 < a.length; i += 2) map[a[i]] = a[i + 1]; });
        return map;
      });
  };

  Engine.prototype.search = function (text, filters) {
    var self = this;
    return this.ready.then(function (m) {
      return self.t2s(m, text.normalize('NFKC')).then(function (map) {
        var parts = [], folded = [];
        text.split(/[\s\u3000]+/).forEach(function (raw) {
          if (!raw) return;
          var f = fold(raw, map, m.brackets), terms = partTerms(f);
          if (terms.length) { parts.push(terms); folded.push(f); }
        });
        return Promise.all([run(m, parts), parts.length ? get('facets.dat', 'bin') : null]).then(function (r) {
          return self.rank(m, r[0], r[1] ? new Uint16Array(r[1].slice(0)) : null, filters || {}, parts, folded);
        });
      });
    });
  };

  Engine.prototype.rank = function (m, scores, col, filters, parts, folded) {
    var n = m.docs, want = {}, facets = {}, hits = [];
    FACETS.forEach(function (f, i) {
      var vals = m.facets[f];
      want[i] = -1;
      if (filters[f]) for (var v = 0; v < vals.length; v++) if (vals[v][0] === filters[f]) want[i] = v;
      if (filters[f] && want[i] < 0) want[i] = -2; // unknown value: nothing matches
      facets[f] = vals.map(function (v) { return [v[0], v[1], 0]; });
    });
    function value(doc, i) { return col[i * n + doc]; }
    scores.forEach(function (h) {
      var doc = h.doc, miss = -1, misses = 0, i;
      for (i = 0; i < FACETS.length; i++) {
        if (want[i] !== -1 && value(doc, i) !== want[i]) { misses++; miss = i; }
      }
      if (misses === 0) hits.push({ doc: doc, score: h.score, item: value(doc, 1), agency: value(doc, 3) });
      // Counts per dimension with the other dimensions' filters applied (drill sideways).
      for (i = 0; i < FACETS.length; i++) if (misses === 0 || (misses === 1 && miss === i)) facets[FACETS[i]][value(doc, i)][2]++;
    });
    hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return { total: hits.length, hits: hits, facets: facets, parts: parts, folded: folded, manifest: m };
  };

  /** Display data of a doc: [id, title, url, date, summary, number]. */
  Engine.prototype.doc = function (m, doc) {
    return get('d/' + Math.floor(doc / m.block).toString(16) + '.dat', 'bin').then(function (buf) {
      return JSON.parse(new TextDecoder().decode(buf))[doc % m.block];
    });
  };

  window.GongkaiSearch = { Engine: Engine, fold: fold, partTerms: partTerms, tokenize: tokenize };

  // ------------------------------------------------------------------------------------------ the page
  var app = document.getElementById('search-app');
  if (!app || !window.fetch || !window.DecompressionStream) return;
  var msgs = JSON.parse(document.getElementById('search-messages').textContent);
  var engine = new Engine(app.getAttribute('data-index'));
  var root = app.getAttribute('data-root');
  var form = document.getElementById('search-form'), input = document.getElementById('q');
  var status = document.getElementById('search-status'), results = document.getElementById('search-results');
  var facetBox = document.getElementById('search-facets'), pager = document.getElementById('search-pager');
  var empty = document.getElementById('search-empty'), browse = document.getElementById('search-browse');
  app.hidden = false;

  function msg(key, args) {
    return (msgs[key] || key).replace(/\{(\w+)\}/g, function (_, k) { return args && args[k] !== undefined ? args[k] : ''; });
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function state() {
    var p = new URLSearchParams(location.search), s = { q: p.get('q') || '', page: Math.max(1, +p.get('page') || 1), f: {} };
    FACETS.forEach(function (f) { if (p.get(f)) s.f[f] = p.get(f); });
    return s;
  }
  function href(s) {
    var p = new URLSearchParams();
    if (s.q) p.set('q', s.q);
    FACETS.forEach(function (f) { if (s.f[f]) p.set(f, s.f[f]); });
    if (s.page > 1) p.set('page', s.page);
    return '?' + p.toString();
  }
  function go(s) { history.pushState(null, '', href(s)); show(); }
  function link(s, text) {
    var a = el('a', { href: href(s) }, text);
    a.addEventListener('click', function (e) { e.preventDefault(); go(s); });
    return a;
  }
  function copy(s) { return { q: s.q, page: s.page, f: Object.assign({}, s.f) }; }

  /** Appends text with the folded query parts marked; folding is per character so offsets map back. */
  function marked(parent, text, folded, map, m) {
    var chars = Array.from(text || ''), f = chars.map(function (c) { return fold(c, map, m.brackets); }), joined = '', at = [];
    f.forEach(function (x, i) { for (var k = 0; k < x.length; k++) at.push(i); joined += x; });
    var on = new Array(chars.length + 1).fill(false);
    folded.forEach(function (q) {
      for (var i = joined.indexOf(q); q && i >= 0; i = joined.indexOf(q, i + 1)) {
        for (var k = at[i]; k <= at[i + q.length - 1]; k++) on[k] = true;
      }
    });
    for (var i = 0; i < chars.length;) {
      var j = i;
      while (j < chars.length && on[j] === on[i]) j++;
      var s = chars.slice(i, j).join('');
      parent.appendChild(on[i] ? el('mark', {}, s) : document.createTextNode(s));
      i = j;
    }
  }

  var seq = 0;
  function show() {
    var s = state(), my = ++seq;
    input.value = s.q;
    results.textContent = facetBox.textContent = pager.textContent = empty.textContent = '';
    if (!s.q.trim()) { status.textContent = ''; if (browse) browse.hidden = false; return; }
    status.textContent = msg('loading');
    engine.search(s.q, s.f).then(function (r) {
      if (my !== seq) return;
      var m = r.manifest;
      if (browse) browse.hidden = r.total > 0;
      status.textContent = msg(Object.keys(s.f).length ? 'countFiltered' : 'count', { n: r.total });
      renderFacets(s, r);
      if (!r.total) return renderEmpty(s, r);
      var pages = Math.ceil(r.total / PAGE), page = Math.min(s.page, pages), top = r.hits.slice((page - 1) * PAGE, page * PAGE);
      return Promise.all([engine.t2s(m, top.length ? s.q : ''), Promise.all(top.map(function (h) { return engine.doc(m, h.doc); }))])
        .then(function (x) {
          if (my !== seq) return;
          var map = x[0];
          x[1].forEach(function (d, i) {
            var li = el('li', { 'data-doc': top[i].doc, 'data-id': d[0], 'data-score': top[i].score });
            var h = el('h3'), a = el('a', { href: root + d[2] });
            marked(a, d[1], r.folded, map, m);
            h.appendChild(a);
            li.appendChild(h);
            var meta = el('p', { 'class': 'meta' });
            if (d[5]) meta.appendChild(el('span', {}, d[5]));
            if (d[3]) meta.appendChild(el('time', { datetime: d[3] }, d[3]));
            var hit = top[i];
            if (hit.item) meta.appendChild(el('span', { 'class': 'item' }, m.facets.item[hit.item][1]));
            if (hit.agency) meta.appendChild(el('span', { 'class': 'agency' }, m.facets.agency[hit.agency][1]));
            li.appendChild(meta);
            var p = el('p', { 'class': 'summary' });
            marked(p, d[4], r.folded, map, m);
            li.appendChild(p);
            results.appendChild(li);
          });
          if (pages > 1) {
            pager.appendChild(el('p', {}, msg('page', { p: page, n: pages })));
            var t;
            if (page > 1) { t = copy(s); t.page = page - 1; pager.appendChild(link(t, msg('prev'))); }
            if (page < pages) { t = copy(s); t.page = page + 1; pager.appendChild(link(t, msg('next'))); }
          }
        });
    }).catch(function (e) {
      if (my !== seq) return;
      status.textContent = msg('error');
      if (browse) browse.hidden = false;
      if (window.console) console.error(e);
    });
  }

  function label(f, v) {
    return f === 'kind' ? msg('kind.' + v[0]) : v[1];
  }

  function renderFacets(s, r) {
    if (!r.parts.length) return;
    facetBox.appendChild(el('h2', {}, msg('facetsHeading')));
    FACETS.forEach(function (f) {
      var vals = r.facets[f].filter(function (v) { return v[0] && (v[2] > 0 || s.f[f] === v[0]); });
      if (!vals.length || (vals.length === 1 && !s.f[f])) return;
      var g = el('section', { 'class': 'facet' }), ul = el('ul');
      g.appendChild(el('h3', {}, msg('facet.' + f)));
      var t = copy(s); delete t.f[f]; t.page = 1;
      var li = el('li');
      li.appendChild(s.f[f] ? link(t, msg('all')) : el('span', { 'aria-current': 'true' }, msg('all')));
      ul.appendChild(li);
      vals.forEach(function (v) {
        var li = el('li'), text = label(f, v) + ' (' + v[2] + ')';
        if (s.f[f] === v[0]) li.appendChild(el('span', { 'aria-current': 'true' }, text));
        else { var u = copy(s); u.f[f] = v[0]; u.page = 1; li.appendChild(link(u, text)); }
        ul.appendChild(li);
      });
      g.appendChild(ul);
      facetBox.appendChild(g);
    });
  }

  function renderEmpty(s, r) {
    empty.appendChild(el('p', {}, msg('none', { q: s.q })));
    var ul = el('ul');
    Object.keys(s.f).forEach(function (f) {
      var t = copy(s); delete t.f[f]; t.page = 1;
      var v = (r.facets[f] || []).filter(function (x) { return x[0] === s.f[f]; })[0];
      var li = el('li'); li.appendChild(link(t, msg('dropFilter', { f: msg('facet.' + f) + '：' + (v ? label(f, v) : s.f[f]) })));
      ul.appendChild(li);
    });
    var chars = Array.from(s.q.trim());
    if (chars.length > 2) {
      [chars.slice(0, 2).join(''), chars.slice(-2).join('')].forEach(function (q, i, a) {
        if (i && q === a[0]) return;
        var t = copy(s); t.q = q; t.page = 1;
        var li = el('li'); li.appendChild(link(t, msg('shorter', { q: q }))); ul.appendChild(li);
      });
    }
    if (ul.firstChild) empty.appendChild(ul);
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var s = state();
    go({ q: input.value, page: 1, f: input.value === s.q ? s.f : {} });
  });
  window.addEventListener('popstate', show);
  show();
})();
