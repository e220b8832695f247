// The search page: plain JavaScript over the HTTP API (/api/search, /api/suggest, /api/articles, /api/ingest/recent).
// Everything shown comes from the API and is put into the page as text (textContent, createTextNode); markup from
// the API (the <em>/<mark> of snippets, highlights and suggestions) is parsed into elements here, never assigned
// as HTML. The state lives in the URL so that any view can be shared and reloaded.
"use strict";

(() => {
  const PageSize = 10;
  const KeyStorage = "pipeline.functionKey";
  const FacetFields = [
    { name: "source", param: "source", label: "Source", facet: "source,count:10" },
    { name: "tags", param: "tag", label: "Tags", facet: "tags,count:10" },
    { name: "language", param: "lang", label: "Language", facet: "language,count:10" },
    { name: "published", param: "month", label: "Published", facet: "published,interval:month" },
  ];
  const Languages = new Intl.DisplayNames(["en"], { type: "language" });
  const DateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const MonthFormat = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
  const TimeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

  const $ = (id) => document.getElementById(id);
  let pendingKeyRetry = null;
  let renderToken = 0;

  // ---- Elements built from text only -------------------------------------------------------------------------

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(props || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === "className") node.className = value;
      else if (name === "text") node.textContent = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  // The API escapes the text of snippets, highlights and suggestions and puts tags of our choosing around matches.
  // Split on exactly those tags, decode the entities of the text between them, and wrap matches in <mark>.
  function marked(escaped, pre, post) {
    const fragment = document.createDocumentFragment();
    let rest = String(escaped || "");
    while (rest.length > 0) {
      const start = rest.indexOf(pre);
      if (start < 0) { fragment.append(decodeEntities(rest)); break; }
      fragment.append(decodeEntities(rest.slice(0, start)));
      rest = rest.slice(start + pre.length);
      const end = rest.indexOf(post);
      const match = end < 0 ? rest : rest.slice(0, end);
      fragment.append(el("mark", { text: decodeEntities(match) }));
      rest = end < 0 ? "" : rest.slice(end + post.length);
    }
    return fragment;
  }

  const NamedEntities = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: "\u00a0" };
  function decodeEntities(text) {
    return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body) => {
      if (body[0] === "#") {
        const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return NamedEntities[body.toLowerCase()] ?? entity;
    });
  }

  function formatDate(value) {
    if (!value) return null;
    const date = new Date(value);
    return isNaN(date) ? null : DateFormat.format(date);
  }

  function languageName(code) {
    if (!code) return null;
    try { return Languages.of(code) || code; } catch { return code; }
  }

  function articleHref(id) { return "./?article=" + encodeURIComponent(id); }

  // ---- The API, with the function key when the deployment asks for one ----------------------------------------

  class KeyRequired extends Error {}

  async function api(path, options) {
    const headers = { Accept: "application/json" };
    const key = sessionStorage.getItem(KeyStorage);
    if (key) headers["x-functions-key"] = key;
    const response = await fetch("api/" + path, { ...options, headers: { ...headers, ...(options && options.headers) } });
    if (response.status === 401 || response.status === 403) throw new KeyRequired();
    const body = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
    if (!response.ok) {
      const error = new Error(body?.detail || body?.title || `${response.status} ${response.statusText}`);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  function askForKey(retry) {
    pendingKeyRetry = retry;
    const form = $("key-form");
    const hadKey = !!sessionStorage.getItem(KeyStorage);
    $("key-error").hidden = !hadKey;
    $("key-error").textContent = hadKey ? "That key was not accepted." : "";
    form.hidden = false;
    $("key").focus();
  }

  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(KeyStorage, $("key").value.trim());
    $("key-form").hidden = true;
    const retry = pendingKeyRetry;
    pendingKeyRetry = null;
    if (retry) retry();
  });

  function showStatus(message, isError) {
    const status = $("status");
    status.hidden = !message;
    status.textContent = message || "";
    status.classList.toggle("error", !!isError);
  }

  async function guarded(work) {
    try {
      showStatus(null);
      await work();
    } catch (error) {
      if (error instanceof KeyRequired) askForKey(render);
      else showStatus(error.message || String(error), true);
    }
  }

  // ---- State in the URL --------------------------------------------------------------------------------------

  function readState() {
    const params = new URLSearchParams(location.search);
    const filters = {};
    for (const facet of FacetFields) filters[facet.param] = params.getAll(facet.param);
    return {
      view: params.get("article") ? "article" : params.get("view") === "ingest" ? "ingest" : "search",
      article: params.get("article"),
      q: params.get("q") || "",
      sort: params.get("sort") === "date" ? "date" : "relevance",
      page: Math.max(1, parseInt(params.get("page") || "1", 10) || 1),
      filters,
    };
  }

  function searchUrl(state) {
    const params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    for (const facet of FacetFields) for (const value of state.filters[facet.param] || []) params.append(facet.param, value);
    if (state.sort === "date") params.set("sort", "date");
    if (state.page > 1) params.set("page", String(state.page));
    const query = params.toString();
    return "./" + (query ? "?" + query : "");
  }

  function navigate(url) {
    history.pushState(null, "", url);
    render();
    window.scrollTo(0, 0);
  }

  // Links inside the page change the view without a reload; a modified click opens a tab as usual.
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[href]");
    if (!link || link.target || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.pathname !== location.pathname) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
  window.addEventListener("popstate", () => render());

  // ---- Search ------------------------------------------------------------------------------------------------

  function quote(value) { return "'" + String(value).replace(/'/g, "''") + "'"; }

  function filterOf(filters) {
    const clauses = [];
    const any = (values, clause) => {
      if (values.length) clauses.push(values.length === 1 ? clause(values[0]) : "(" + values.map(clause).join(" or ") + ")");
    };
    any(filters.source || [], (v) => `source eq ${quote(v)}`);
    any(filters.tag || [], (v) => `tags/any(t: t eq ${quote(v)})`);
    any(filters.lang || [], (v) => `language eq ${quote(v)}`);
    any((filters.month || []).filter((v) => /^\d{4}-\d{2}$/.test(v)), (v) => {
      const [year, month] = v.split("-").map(Number);
      const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, "0")}`;
      return `(published ge ${v}-01T00:00:00Z and published lt ${next}-01T00:00:00Z)`;
    });
    return clauses.join(" and ");
  }

  async function renderSearch(state, token) {
    $("q").value = state.q;
    $("sort").value = state.sort;
    const body = {
      q: state.q || "*",
      top: PageSize,
      skip: (state.page - 1) * PageSize,
      facets: FacetFields.map((f) => f.facet),
      highlight: "title,body",
      highlightPreTag: "<mark>",
      highlightPostTag: "</mark>",
    };
    const filter = filterOf(state.filters);
    if (filter) body.filter = filter;
    if (state.sort === "date") body.orderby = "published desc";

    const result = await api("search", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    if (token !== renderToken) return;

    const count = result.count ?? result.value.length;
    const from = count === 0 ? 0 : body.skip + 1;
    const to = body.skip + result.value.length;
    $("summary").textContent = count === 0
      ? (state.q ? `Nothing matches “${state.q}”.` : "No articles yet. Upload some and they appear here.")
      : `${from}–${to} of ${count} ${count === 1 ? "article" : "articles"}` + (state.q ? ` for “${state.q}”` : "");

    renderActiveFilters(state);
    renderFacets(state, result.facets || {});
    $("results").replaceChildren(...result.value.map(renderHit));
    renderPager(state, count);
  }

  function renderHit(hit) {
    const titleHighlight = hit.highlights?.title?.[0];
    const bodyHighlights = hit.highlights?.body;
    const title = el("a", { href: articleHref(hit.id), className: "hit-title" },
      titleHighlight ? marked(titleHighlight, "<mark>", "</mark>") : hit.title);
    const excerpt = bodyHighlights?.length
      ? el("p", { className: "excerpt" }, bodyHighlights.slice(0, 2).map((f) => ["… ", marked(f, "<mark>", "</mark>"), " "]), "…")
      : hit.snippet ? el("p", { className: "excerpt" }, marked(hit.snippet, "<em>", "</em>"))
      : hit.summary ? el("p", { className: "excerpt" }, hit.summary) : null;
    return el("li", { className: "hit" },
      el("h2", {}, title),
      meta([
        hit.authors?.length ? hit.authors.join(", ") : null,
        formatDate(hit.published),
        hit.siteName || hit.source,
        languageName(hit.language),
      ]),
      excerpt,
      hit.tags?.length ? el("p", { className: "tags" }, hit.tags.map((t) => el("span", { className: "tag", text: t }))) : null);
  }

  function meta(parts) {
    const present = parts.filter(Boolean);
    return present.length ? el("p", { className: "meta" }, present.map((p, i) => [i ? el("span", { className: "dot", text: " · ", "aria-hidden": "true" }) : null, p])) : null;
  }

  function bucketValue(field, bucket) {
    if (field.name === "published") return bucket.from ? String(bucket.from).slice(0, 7) : null;
    return bucket.value === null || bucket.value === undefined ? null : String(bucket.value);
  }

  function bucketLabel(field, value) {
    if (field.name === "published") return MonthFormat.format(new Date(value + "-01T00:00:00Z"));
    if (field.name === "language") return languageName(value);
    return value;
  }

  function withFilter(state, param, value, on) {
    const filters = { ...state.filters, [param]: on ? [...(state.filters[param] || []), value] : (state.filters[param] || []).filter((v) => v !== value) };
    return searchUrl({ ...state, filters, page: 1 });
  }

  function renderFacets(state, facets) {
    const groups = [];
    for (const field of FacetFields) {
      let buckets = (facets[field.name] || []).filter((b) => b.count > 0);
      if (field.name === "published") buckets = buckets.slice().reverse(); // newest month first
      const selected = state.filters[field.param] || [];
      if (!buckets.length && !selected.length) continue;
      const items = buckets.map((bucket) => {
        const value = bucketValue(field, bucket);
        if (value === null) return null;
        const on = selected.includes(value);
        return el("li", {},
          el("a", { href: withFilter(state, field.param, value, !on), className: on ? "facet on" : "facet", "aria-pressed": on ? "true" : "false", "data-facet": field.name, "data-value": value },
            el("span", { className: "facet-name", text: bucketLabel(field, value) }),
            el("span", { className: "count", text: String(bucket.count) })));
      }).filter(Boolean);
      groups.push(el("details", { className: "facet-group", open: true }, el("summary", { text: field.label }), el("ul", {}, items)));
    }
    $("facets").replaceChildren(...groups);
  }

  function renderActiveFilters(state) {
    const chips = [];
    for (const field of FacetFields) {
      for (const value of state.filters[field.param] || []) {
        chips.push(el("a", { className: "chip", href: withFilter(state, field.param, value, false), title: "Remove this filter" },
          `${field.label}: ${bucketLabel(field, value)}`, el("span", { "aria-hidden": "true", text: " ×" })));
      }
    }
    if (chips.length > 1) chips.push(el("a", { className: "chip clear", href: searchUrl({ ...state, filters: {}, page: 1 }), text: "Clear all" }));
    $("active-filters").replaceChildren(...chips);
  }

  function renderPager(state, count) {
    const pages = Math.ceil(count / PageSize);
    const items = [];
    if (pages > 1) {
      const link = (page, text, label) => page === state.page
        ? el("span", { className: "current", "aria-current": "page", text })
        : el("a", { href: searchUrl({ ...state, page }), "aria-label": label, text });
      if (state.page > 1) items.push(link(state.page - 1, "‹ Previous", "Previous page"));
      const first = Math.max(1, Math.min(state.page - 2, pages - 4));
      for (let page = first; page <= Math.min(pages, first + 4); page++) items.push(link(page, String(page), `Page ${page}`));
      if (state.page < pages) items.push(link(state.page + 1, "Next ›", "Next page"));
    }
    $("pager").replaceChildren(...items);
  }

  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    hideSuggestions();
    const state = readState();
    navigate(searchUrl({ ...state, view: "search", q: $("q").value.trim(), page: 1, filters: state.view === "search" ? state.filters : {} }));
  });

  $("sort").addEventListener("change", () => {
    navigate(searchUrl({ ...readState(), sort: $("sort").value, page: 1 }));
  });

  // ---- Suggestions as you type -------------------------------------------------------------------------------

  let suggestTimer = 0;
  let suggestSerial = 0;
  let activeSuggestion = -1;

  function hideSuggestions() {
    $("suggestions").hidden = true;
    $("suggestions").replaceChildren();
    $("q").setAttribute("aria-expanded", "false");
    activeSuggestion = -1;
  }

  $("q").addEventListener("input", () => {
    clearTimeout(suggestTimer);
    const text = $("q").value.trim();
    if (!text || text.length > 100) { hideSuggestions(); return; }
    suggestTimer = setTimeout(async () => {
      const serial = ++suggestSerial;
      try {
        const result = await api("suggest?" + new URLSearchParams({ q: text, top: "6", fuzzy: "true", highlightPreTag: "<mark>", highlightPostTag: "</mark>" }));
        if (serial !== suggestSerial) return;
        const list = $("suggestions");
        list.replaceChildren(...result.value.map((s, i) => el("li", { role: "option", id: `suggestion-${i}`, "data-id": s.id },
          el("a", { href: articleHref(s.id) }, marked(s.text, "<mark>", "</mark>")))));
        list.hidden = result.value.length === 0;
        $("q").setAttribute("aria-expanded", String(!list.hidden));
        activeSuggestion = -1;
      } catch (error) {
        if (error instanceof KeyRequired) askForKey(null);
        hideSuggestions();
      }
    }, 150);
  });

  $("q").addEventListener("keydown", (event) => {
    const options = [...$("suggestions").children];
    if ($("suggestions").hidden || !options.length) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      // -1 is the text box itself; the arrows cycle through it and the options.
      const step = event.key === "ArrowDown" ? 1 : -1;
      activeSuggestion = ((activeSuggestion + 1 + step + options.length + 1) % (options.length + 1)) - 1;
      options.forEach((o, i) => o.setAttribute("aria-selected", String(i === activeSuggestion)));
      $("q").setAttribute("aria-activedescendant", activeSuggestion >= 0 ? options[activeSuggestion].id : "");
    } else if (event.key === "Enter" && activeSuggestion >= 0) {
      event.preventDefault();
      const id = options[activeSuggestion].dataset.id;
      hideSuggestions();
      navigate(articleHref(id));
    } else if (event.key === "Escape") {
      hideSuggestions();
    }
  });

  document.addEventListener("click", (event) => {
    if (!event.target.closest(".combo")) hideSuggestions();
  });

  // ---- Article -----------------------------------------------------------------------------------------------

  async function renderArticle(state, token) {
    const id = state.article;
    const [article, related] = await Promise.all([
      api("articles/" + encodeURIComponent(id)),
      api("articles/" + encodeURIComponent(id) + "/related?top=5").catch((error) => {
        if (error instanceof KeyRequired) throw error;
        return null;
      }),
    ]);
    if (token !== renderToken) return;
    document.title = article.title + " · Pipeline";

    const view = $("article-view");
    const back = history.length > 1
      ? el("a", { href: "#", className: "back", onclick: (e) => { e.preventDefault(); e.stopPropagation(); history.back(); }, text: "← Back" })
      : el("a", { href: "./", className: "back", text: "← Search" });
    const byline = meta([
      article.authors?.length ? "By " + article.authors.join(", ") : null,
      formatDate(article.published),
      article.siteName || article.source?.blobName,
      languageName(article.language),
      article.readingTimeMinutes ? `${article.readingTimeMinutes} min read` : null,
    ]);
    const sections = (article.sections || []).map((section) => el("section", {},
      section.heading ? el("h2", { text: section.heading }) : null,
      (section.paragraphs || []).map((p) => el("p", { text: p }))));

    view.replaceChildren(
      back,
      el("header", { className: "article-head" },
        el("h1", { text: article.title }),
        byline,
        article.tags?.length ? el("p", { className: "tags" }, article.tags.map((t) =>
          el("a", { className: "tag", href: searchUrl({ q: "", sort: "relevance", page: 1, filters: { tag: [t] } }), text: t }))) : null),
      el("div", { className: "article-body" }, sections.length ? sections : el("p", { text: article.body })),
      renderRelated(related),
      el("p", { className: "provenance" },
        `Uploaded as ${article.source?.blobName} (${article.format}); indexed ${article.ingestedAt ? TimeFormat.format(new Date(article.ingestedAt)) : "—"}.`,
        article.canonicalUrl ? [" Original: ", el("span", { className: "url", text: article.canonicalUrl })] : null));
  }

  function renderRelated(related) {
    if (!related) return null;
    const parts = [];
    if (related.editorial?.length) {
      parts.push(el("section", { className: "related editorial" },
        el("h2", { text: "Keep reading" }),
        el("p", { className: "hint", text: "The article’s own related headlines; those found among the indexed articles link to them." }),
        el("ul", {}, related.editorial.map((link) => link.articleId
          ? el("li", { className: "resolved" }, el("a", { href: articleHref(link.articleId), "data-related": "editorial", text: link.title }),
              link.match && link.match !== "exact" ? el("span", { className: "badge", text: `${link.match} match` }) : null)
          : el("li", { className: "unresolved" }, el("span", { text: link.title }), el("span", { className: "badge muted", text: "not indexed" }))))));
    }
    if (related.similar?.length) {
      parts.push(el("section", { className: "related similar" },
        el("h2", { text: "Similar articles" }),
        el("ul", {}, related.similar.map((s) => el("li", {},
          el("a", { href: articleHref(s.id), text: s.title }),
          s.sharedTerms?.length ? el("p", { className: "shared" }, "Shared: ", s.sharedTerms.slice(0, 8).map((t) => el("span", { className: "term", text: t }))) : null)))));
    }
    return parts.length ? el("div", { className: "related-all" }, parts) : null;
  }

  // ---- Uploads -----------------------------------------------------------------------------------------------

  async function renderIngest(token) {
    const result = await api("ingest/recent?top=50");
    if (token !== renderToken) return;
    const rows = result.value.map((upload) => {
      const outcome = el("span", { className: "badge outcome-" + upload.outcome, text: upload.outcome });
      let details;
      if (upload.outcome === "indexed") {
        details = [el("a", { href: articleHref(upload.articleId), text: upload.title || upload.articleId }),
          upload.message ? el("span", { className: "muted small note", text: upload.message }) : null];
      } else if (upload.outcome === "rejected") {
        details = [el("strong", { text: upload.reason }), " ", upload.message,
          upload.attempts > 1 ? el("span", { className: "muted", text: ` (${upload.attempts} attempts)` }) : null];
      } else {
        details = el("span", { className: "muted", text: upload.message || "Waiting to be ingested." });
      }
      return el("tr", {},
        el("td", {}, el("span", { className: "blob", text: upload.blobName }),
          el("span", { className: "muted small", text: [upload.lastModified ? TimeFormat.format(new Date(upload.lastModified)) : null, upload.length != null ? formatBytes(upload.length) : null].filter(Boolean).join(" · ") })),
        el("td", {}, outcome),
        el("td", {}, details));
    });
    const body = $("uploads").tBodies[0];
    body.replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colspan: "3", className: "muted", text: "Nothing uploaded yet." }))]));
  }

  function formatBytes(bytes) {
    if (bytes < 1024) return `${bytes} B`;
    if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
    return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  }

  $("refresh").addEventListener("click", () => render());

  // ---- Views -------------------------------------------------------------------------------------------------

  function render() {
    const state = readState();
    const token = ++renderToken;
    $("search-view").hidden = state.view !== "search";
    $("article-view").hidden = state.view !== "article";
    $("ingest-view").hidden = state.view !== "ingest";
    $("nav-search").classList.toggle("current", state.view === "search");
    $("nav-ingest").classList.toggle("current", state.view === "ingest");
    if (state.view !== "article") document.title = state.view === "ingest" ? "Uploads · Pipeline" : state.q ? `${state.q} · Pipeline search` : "Pipeline search";
    document.body.dataset.view = state.view;
    document.body.setAttribute("aria-busy", "true");
    const work = state.view === "article" ? () => renderArticle(state, token)
      : state.view === "ingest" ? () => renderIngest(token)
      : () => renderSearch(state, token);
    return guarded(work).finally(() => { if (token === renderToken) document.body.removeAttribute("aria-busy"); });
  }

  render();
})();
