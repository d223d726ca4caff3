/* The site's switches and search. Reading needs none of this: without JavaScript every page shows its
   own language, the versions are links and the contents list every article.
   - languages side by side: html[data-show] lists the shown languages (chosen with checkboxes, kept in localStorage);
   - on a phone: each article's own switch sets its data-phone;
   - changes against the previous version: html.changes;
   - copy link: the article's permanent link to the clipboard;
   - search: the Pagefind index of every language, results linking to the article's anchor;
   - link.html: a permanent link resolved through the redirect map. */
(function () {
  "use strict";
  var html = document.documentElement;
  var lang = html.lang;

  function store(key, value) {
    try { if (value === undefined) { return window.localStorage.getItem(key); } window.localStorage.setItem(key, value); }
    catch (e) { return null; }
    return null;
  }

  function reveal(selector) {
    document.querySelectorAll(selector).forEach(function (el) { el.hidden = false; });
  }

  function setupColumns() {
    var boxes = document.querySelectorAll('.column-switch input[name="column"]');
    if (!boxes.length) { return; }
    var saved = (store("drafting.columns") || "").split(" ").filter(Boolean);
    function apply() {
      var shown = [lang];
      boxes.forEach(function (box) { if (box.checked) { shown.push(box.value); } });
      html.setAttribute("data-show", shown.join(" "));
      store("drafting.columns", shown.slice(1).join(" "));
    }
    boxes.forEach(function (box) {
      box.checked = saved.indexOf(box.value) >= 0;
      box.addEventListener("change", apply);
    });
    apply();
  }

  function setupChanges() {
    var box = document.querySelector('.changes-switch input[name="changes"]');
    if (!box) { return; }
    box.checked = store("drafting.changes") === "1";
    function apply() { html.classList.toggle("changes", box.checked); store("drafting.changes", box.checked ? "1" : "0"); }
    box.addEventListener("change", apply);
    apply();
  }

  function setupVersions() {
    document.querySelectorAll("a[data-version-link]").forEach(function (link) {
      link.addEventListener("click", function () {
        if (window.location.hash) { link.href = link.href.split("#")[0] + window.location.hash; }
      });
    });
  }

  function setupArticles() {
    document.querySelectorAll(".phone-switch").forEach(function (group) {
      var article = group.closest(".article-row");
      group.querySelectorAll("button").forEach(function (button) {
        button.addEventListener("click", function () {
          article.setAttribute("data-phone", button.getAttribute("data-lang"));
          group.querySelectorAll("button").forEach(function (b) { b.setAttribute("aria-pressed", String(b === button)); });
        });
      });
    });
    document.querySelectorAll(".copy-link").forEach(function (button) {
      var label = button.textContent;
      button.addEventListener("click", function () {
        var url = new URL(button.getAttribute("data-href"), window.location.href).href;
        var done = function () {
          button.textContent = button.getAttribute("data-copied") || label;
          window.setTimeout(function () { button.textContent = label; }, 2000);
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(url).then(done, function () { window.prompt(label, url); });
        } else {
          window.prompt(label, url);
        }
      });
    });
  }

  /* search */
  var pagefind = null;
  function loadPagefind() {
    if (pagefind) { return pagefind; }
    var root = html.getAttribute("data-root") || "";
    /* each version has its own index (pagefind/VERSION/): results are those of the version being read */
    var version = html.getAttribute("data-version");
    var folder = root + "pagefind/" + version + "/";
    var bundle = new URL(folder, window.location.href).href;
    var base = new URL(root, window.location.href).pathname;  /* result URLs start at the site's folder */
    pagefind = import(bundle + "pagefind.js").then(function (pf) {
      return Promise.resolve(pf.options({ baseUrl: base })).then(function () { return pf; });
    }).then(function (pf) {
      /* one index per language in the same bundle: the page's language is the primary one; the others are
         merged by the bundle's path relative to itself (Pagefind resolves it against the bundle's folder, and
         skips a merge of the primary's own absolute path) */
      var others = (html.getAttribute("data-languages") || "").split(" ").filter(function (c) { return c && c !== lang; });
      return Promise.all(others.map(function (code) { return pf.mergeIndex("../" + version + "/", { language: code, baseUrl: base }); }))
        .then(function () { return pf; });
    });
    return pagefind;
  }

  /* an excerpt is text with <mark> around the hits: keep exactly that, as text */
  function excerptNode(excerpt) {
    var out = document.createElement("span");
    out.className = "excerpt";
    var doc = new DOMParser().parseFromString("<body>" + excerpt + "</body>", "text/html");
    doc.body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var m = document.createElement("mark"); m.textContent = node.textContent; out.appendChild(m);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }


  function setupSearch() {
    var form = document.querySelector(".search-form");
    if (!form) { return; }
    form.hidden = false;
    var results = document.querySelector(".search-results");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var query = form.querySelector("input").value.trim();
      if (!query) { return; }
      loadPagefind().then(function (pf) {
        return pf.search(query);
      }).then(function (search) {
        /* the bundle holds this version's pages only (one per language): all are read; the check on the
           folder below keeps a result of another version out even if a bundle ever held one */
        return Promise.all(search.results.map(function (r) { return r.data(); }));
      }).then(function (found) {
        var folder = "/" + html.getAttribute("data-version") + "/";
        var pages = found.filter(function (page) { return page.url.indexOf(folder) >= 0; });
        results.textContent = "";
        var items = [];
        pages.forEach(function (page) {
          var subs = page.sub_results && page.sub_results.length ? page.sub_results : [page];
          var found = /\/([a-z]{2,3})\.html/.exec(page.url);
          subs.slice(0, 5).forEach(function (sub) { items.push({ page: page, sub: sub, lang: found ? found[1] : "" }); });
        });
        /* the page's own language first, then the others in the order Pagefind ranked them */
        items = items.filter(function (i) { return i.lang === lang; }).concat(items.filter(function (i) { return i.lang !== lang; }));
        var count = document.createElement("p");
        count.textContent = items.length ? results.getAttribute("data-count").replace("{n}", String(items.length))
          : results.getAttribute("data-none");
        results.appendChild(count);
        if (!items.length) { return; }
        var list = document.createElement("ol");
        items.forEach(function (item) {
          var li = document.createElement("li");
          if (item.lang) { li.lang = item.lang; }
          var a = document.createElement("a");
          a.href = item.sub.url;
          a.textContent = item.sub.title || (item.page.meta && item.page.meta.title) || item.sub.url;
          li.appendChild(a);
          li.appendChild(excerptNode(item.sub.excerpt || ""));
          list.appendChild(li);
        });
        results.appendChild(list);
      }).catch(function (error) {
        results.textContent = String(error);
      });
    });
  }

  function resolvePermanentLink() {
    var data = document.getElementById("redirects");
    if (!data) { return; }
    var map = JSON.parse(data.textContent);
    var unknown = JSON.parse(document.getElementById("unknown").textContent);
    var hash = decodeURIComponent(window.location.hash.replace(/^#/, ""));
    var version = map.latest;
    var at = hash.lastIndexOf("@");
    if (at >= 0) { version = hash.slice(at + 1); hash = hash.slice(0, at); }
    var parts = hash.split("/");
    var code = map.languages.indexOf(parts[0]) >= 0 ? parts[0] : map.languages[0];
    var id = parts[1] || "";
    var eids = map.eids[version] || map.eids[map.latest];
    var eid = eids[id];
    if (!eid) {  /* gone from this version: the last version that has it */
      for (var i = map.versions.length - 1; i >= 0 && !eid; i--) {
        if (map.eids[map.versions[i]][id]) { version = map.versions[i]; eid = map.eids[version][id]; }
      }
    }
    if (!eid) {
      document.querySelector(".link-message").textContent = (unknown[code] || "").replace("{id}", id);
      return;
    }
    if (parts[2]) { eid += "__para_" + parts[2].replace(/[^0-9A-Za-z-]/g, ""); }
    window.location.replace(version + "/" + code + ".html#" + eid);
  }

  function start() {
    reveal(".tools");
    reveal(".copy-link");
    reveal(".phone-switch");
    setupColumns();
    setupChanges();
    setupVersions();
    setupArticles();
    setupSearch();
    resolvePermanentLink();
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
