/* Site behaviour: the Pagefind search box in the header, and the copy-link buttons on plan pages.
   Everything is local; nothing here contacts another host. */
(function () {
  "use strict";

  /* Search: Pagefind UI, loaded by overrides/main.html from ./pagefind/ relative to the page, so the
     site works under any sub-path. Missing before the first search index is built: then no box.
     The box uses Pagefind through ../kb-search/pagefind.js (see there why). A large collection is
     indexed as several bundles (scripts/site/search_index.py): kb-shards.json in the first one lists the
     others, which the box merges; and it says where the quick answers are (quickAnswers). */
  function mountSearch() {
    var box = document.querySelector(".kb-search");
    var script = document.querySelector("script[src$='pagefind/pagefind-ui.js']");
    if (!box || !script || typeof window.PagefindUI !== "function") return;
    var bundle = new URL(".", script.src);
    fetch(new URL("kb-shards.json", bundle))
      .then(function (response) { return response.ok ? response.json() : {}; })
      .catch(function () { return {}; })
      .then(function (shards) {
        var others = shards.bundles || [];
        var ui = new window.PagefindUI({
          element: box,
          showSubResults: true,
          showImages: false,
          excerptLength: 40,
          debounceTimeoutMs: 100, /* Pagefind waits 300 ms after the last keystroke by default */
          openFilters: ["主要活动类型"],
          bundlePath: new URL("../kb-search/", bundle).pathname,
          mergeIndex: others.map(function (folder) { return { bundlePath: new URL(folder, bundle).pathname }; }),
          translations: { placeholder: "搜索方案、单位、活动类型…" }
        });
        quickAnswers(box, bundle, shards);
        /* A collection in several bundles shows its first screen from the first bundle; the search over
           every bundle follows (../kb-search/pagefind.js) and is drawn by searching again, which
           Pagefind UI does when its filters are set (to the same ones). */
        window.addEventListener("kb-search-complete", function (event) {
          var input = box.querySelector(".pagefind-ui__search-input");
          if (input && input.value === event.detail.term) ui.triggerFilters(event.detail.filters);
        });
      });
  }

  /* Quick answer: the activity type, theme, unit, sector, region, year or level whose name is what is
     typed (or, failing that, the shortest name that begins with it) is offered once, as a link above
     the results, which hold plans only. The names are in small files by their first character
     (scripts/site/search_index.py, kb-answers/): the file of the first character is fetched as it is
     typed, so the answer is shown at once, before Pagefind's results. */
  function quickAnswers(box, bundle, shards) {
    if (!shards.answers || !shards.answer_files) return;
    var files = {};
    var shown = document.createElement("div");
    shown.className = "kb-answer";
    shown.hidden = true;
    box.appendChild(shown);

    function names(query) {
      var number = query.codePointAt(0) % shards.answer_files;
      if (!files[number]) {
        files[number] = fetch(new URL(shards.answers + number + ".json", bundle))
          .then(function (response) { return response.ok ? response.json() : {}; })
          .catch(function () { return {}; });
      }
      return files[number];
    }

    function best(list, query) {
      var found = list.names && list.names[query];
      var name = query;
      if (!found && query.length > 1) {
        Object.keys(list.names || {}).forEach(function (key) {
          if (key.indexOf(query) === 0 && (!found || key.length < name.length)) {
            found = list.names[key];
            name = key;
          }
        });
      }
      return found ? list.answers[found[0]] : null;
    }

    function show(answer) {
      shown.textContent = "";
      shown.hidden = !answer;
      box.classList.toggle("kb-search--answered", !!answer);
      if (!answer) return;
      var link = document.createElement("a");
      link.href = new URL("../" + answer[2], bundle).href;
      var kind = document.createElement("span");
      kind.className = "kb-answer__kind";
      kind.textContent = answer[0];
      link.appendChild(kind);
      link.appendChild(document.createTextNode(answer[1]));
      shown.appendChild(link);
    }

    function update() {
      var input = box.querySelector(".pagefind-ui__search-input");
      var query = input ? input.value.trim().toLowerCase() : "";
      if (!query) return show(null);
      names(query).then(function (list) {
        var now = input.value.trim().toLowerCase();
        if (now === query) show(best(list, query));
      });
    }

    box.addEventListener("input", update, true); /* before Pagefind hears it: the answer is fetched first */
    box.addEventListener("click", function () { window.setTimeout(update, 0); }); /* the clear button empties the box */
    box.addEventListener("keyup", function (event) { if (event.key === "Escape") update(); });
  }

  function focusSearch(event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key !== "/" || typing || event.ctrlKey || event.metaKey || event.altKey) return;
    var input = document.querySelector(".kb-search input");
    if (input) {
      event.preventDefault();
      input.focus();
    }
  }

  /* Copy links. Intranet sites are often plain http, where navigator.clipboard does not exist
     (no secure context), so fall back to a hidden textarea and execCommand("copy"). */
  function copyWithTextarea(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.top = "0";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (err) {
      ok = false;
    }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        return copyWithTextarea(text);
      });
    }
    return copyWithTextarea(text);
  }

  function pageAddress() {
    // file:// pages have the origin "null"; use the address without its fragment instead.
    if (location.protocol === "file:") return location.href.split("#")[0];
    return location.origin + location.pathname;
  }

  var live = null;
  function announce(message) {
    if (!live) {
      live = document.createElement("div");
      live.className = "kb-live";
      live.setAttribute("aria-live", "polite");
      document.body.appendChild(live);
    }
    live.textContent = message;
  }

  function flash(button, message) {
    if (!button.hasAttribute("data-kb-label")) button.setAttribute("data-kb-label", button.textContent);
    button.textContent = message;
    button.classList.add("kb-copy--done");
    announce(message);
    window.clearTimeout(button.kbTimer);
    button.kbTimer = window.setTimeout(function () {
      button.textContent = button.getAttribute("data-kb-label");
      button.classList.remove("kb-copy--done");
    }, 1600);
  }

  /* One 复制链接 button per item, made here rather than written into every page: without
     JavaScript it could not copy anyway, and thousands of pages stay smaller. */
  function addCopyButtons() {
    var items = document.querySelectorAll("p.kb-item[id]");
    for (var i = 0; i < items.length; i++) {
      var button = document.createElement("button");
      button.className = "kb-copy";
      button.type = "button";
      button.title = "复制链接";
      button.setAttribute("data-anchor", items[i].id);
      button.textContent = "复制链接";
      items[i].appendChild(document.createTextNode(" "));
      items[i].appendChild(button);
    }
  }

  function onCopyClick(event) {
    var button = event.target.closest ? event.target.closest(".kb-copy") : null;
    if (!button) return;
    event.preventDefault();
    var holder = button.closest("[id]");
    var anchor = button.getAttribute("data-anchor") || (holder ? holder.id : "");
    var url = pageAddress() + (anchor ? "#" + anchor : "");
    copyText(url).then(
      function () {
        flash(button, "已复制");
      },
      function () {
        flash(button, "复制失败");
        window.prompt("请手动复制链接：", url);
      }
    );
  }

  mountSearch();
  addCopyButtons();
  document.addEventListener("keydown", focusSearch);
  document.addEventListener("click", onCopyClick);
})();
