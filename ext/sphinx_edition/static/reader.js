/* Note previews and sidenotes: a note's text next to its mark, without leaving the page.
 *
 * Previews: shown on mouse hover, on keyboard focus and on a first tap (a second tap follows
 * the link); hidden on Escape, when the pointer or the focus leaves, and on a tap elsewhere.
 * The popover is placed against the viewport (position: fixed), below its mark or above it,
 * shifted sideways and shortened so that it is always seen whole, whatever the containers
 * around the mark clip.  Works on any note mark that links to the note in the same page:
 * docutils' and Sphinx's `a.footnote-reference` and anything with the DPUB-ARIA
 * `doc-noteref` role.  An "Ibid." note shows its short form (the note before is not in view).
 *
 * Sidenotes: when the page asks for them (<meta name="edition-sidenotes" content="on">), the
 * theme is furo and its "On this page" column is shown, every note is copied into the right
 * margin beside the line that calls it, stacked in order, each pushed down only by the one
 * above; hovering or focusing a mark then lights its sidenote instead of opening a preview.
 * The copies are hidden from assistive technology: the notes at the end of the page stay the
 * one text that is read, and the target of every mark.  Laid out again on resize, when the
 * fonts arrive and when the text reflows.
 *
 * No library, no request: the notes are already in the page.
 */
(function () {
  "use strict";

  var MARKS = 'a.footnote-reference[href^="#"], a[role~="doc-noteref"][href^="#"]';
  var SHOW_DELAY = 120;
  var HIDE_DELAY = 250;
  var MARGIN = 8; // between a preview and the edges of the viewport
  var GAP = 6; // between a preview and its mark
  // furo shows its "On this page" column from 82em (its $full-width): the sidenotes' width.
  var WIDE = "(min-width: 82em)";
  var SIDENOTE_GAP = 8; // between two stacked sidenotes
  var popover = null;
  var body = null;
  var current = null;
  var showTimer = 0;
  var hideTimer = 0;
  var tapped = null;

  function noteFor(mark) {
    var id = decodeURIComponent(mark.getAttribute("href").slice(1));
    return id ? document.getElementById(id) : null;
  }

  function build() {
    if (popover) {
      return popover;
    }
    popover = document.createElement("div");
    popover.className = "edition-note-preview";
    popover.id = "edition-note-preview";
    popover.setAttribute("role", "tooltip");
    popover.hidden = true;
    body = document.createElement("div");
    body.className = "edition-note-preview-body";
    popover.appendChild(body);
    popover.addEventListener("mouseenter", function () {
      clearTimeout(hideTimer);
    });
    popover.addEventListener("mouseleave", function () {
      scheduleHide();
    });
    // Inside the main landmark, so that it is read as part of the page it belongs to.
    var host = document.querySelector("main, [role='main'], article") || document.body;
    host.appendChild(popover);
    return popover;
  }

  /* A copy of a note's text: without its label and back-links (navigation of the note
   * list), without ids (they must stay unique), out of the tab order.  A preview takes an
   * "Ibid." note's short form; a sidenote, read just below the note before, keeps "Ibid.". */
  function copyOf(note, shortIbid) {
    var copy = note.cloneNode(true);
    copy
      .querySelectorAll('.label, .backrefs, [role~="doc-backlink"], .fn-bracket')
      .forEach(function (el) {
        el.remove();
      });
    copy.querySelectorAll("template.edition-ibid-short").forEach(function (template) {
      if (shortIbid) {
        var ibid = template.previousElementSibling;
        var short = document.createElement("span");
        short.className = "edition-ibid-work";
        short.appendChild(template.content.cloneNode(true));
        template.replaceWith(short);
        if (ibid && ibid.classList.contains("edition-ibid")) {
          ibid.remove();
        }
      } else {
        template.remove();
      }
    });
    copy.querySelectorAll("[id]").forEach(function (el) {
      el.removeAttribute("id");
    });
    copy.querySelectorAll("a, button, input, select, textarea, [tabindex]").forEach(function (el) {
      el.setAttribute("tabindex", "-1");
    });
    return Array.prototype.slice.call(copy.childNodes);
  }

  function fill(note) {
    body.replaceChildren.apply(body, copyOf(note, true));
  }

  /* The top of the part of the viewport no fixed or sticky header covers (furo's header
   * on narrow screens). */
  function topLimit() {
    var limit = MARGIN;
    var header = document.querySelector(".mobile-header");
    if (header) {
      var style = getComputedStyle(header);
      if (style.display !== "none" && (style.position === "sticky" || style.position === "fixed")) {
        var box = header.getBoundingClientRect();
        if (box.top <= 0 && box.bottom > 0) {
          limit = Math.max(limit, box.bottom + MARGIN);
        }
      }
    }
    return limit;
  }

  function place(mark) {
    var rect = mark.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var height = document.documentElement.clientHeight;
    var top0 = topLimit();
    popover.style.maxHeight = "";
    var boxWidth = Math.min(popover.offsetWidth, width - 2 * MARGIN);
    var left = rect.left + rect.width / 2 - boxWidth / 2;
    left = Math.max(MARGIN, Math.min(left, width - boxWidth - MARGIN));
    var below = height - MARGIN - (rect.bottom + GAP);
    var above = rect.top - GAP - top0;
    var boxHeight = popover.offsetHeight;
    var top;
    var onTop = false;
    if (boxHeight <= below) {
      top = rect.bottom + GAP;
    } else if (boxHeight <= above) {
      top = rect.top - GAP - boxHeight;
      onTop = true;
    } else {
      // Too tall for either side: the roomier one, scrolled within.
      onTop = above > below;
      var room = Math.max(above, below, 4 * 16);
      popover.style.maxHeight = room + "px";
      boxHeight = popover.offsetHeight;
      top = onTop ? rect.top - GAP - boxHeight : rect.bottom + GAP;
    }
    // The mark may be partly out of view: the popover never is.
    top = Math.max(top0, Math.min(top, height - boxHeight - MARGIN));
    popover.classList.toggle("edition-note-preview-above", onTop);
    popover.style.left = left + "px";
    popover.style.top = top + "px";
  }

  function show(mark) {
    var note = noteFor(mark);
    if (!note) {
      return;
    }
    clearTimeout(hideTimer);
    clearTimeout(showTimer);
    if (sidenotes.active) {
      light(mark);
      return;
    }
    build();
    if (current && current !== mark) {
      current.removeAttribute("aria-describedby");
    }
    current = mark;
    fill(note);
    popover.hidden = false;
    place(mark);
    mark.setAttribute("aria-describedby", popover.id);
  }

  function hide() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (popover) {
      popover.hidden = true;
    }
    if (current) {
      current.removeAttribute("aria-describedby");
    }
    light(null);
    current = null;
    tapped = null;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, HIDE_DELAY);
  }

  function markOf(target) {
    return target && target.closest ? target.closest(MARKS) : null;
  }

  /* -- sidenotes ------------------------------------------------------------------------- */

  var sidenotes = { active: false, column: null, items: [], frame: 0 };

  function wanted() {
    var meta = document.querySelector('meta[name="edition-sidenotes"]');
    return Boolean(meta && meta.getAttribute("content") === "on");
  }

  function article() {
    return document.querySelector("article[role='main']");
  }

  /* furo only: its layout leaves a known margin, and its right column is a known width. */
  function roomForSidenotes() {
    return (
      Boolean(document.querySelector(".toc-drawer")) &&
      Boolean(window.matchMedia) &&
      window.matchMedia(WIDE).matches
    );
  }

  function light(mark) {
    sidenotes.items.forEach(function (item) {
      item.note.classList.toggle("edition-sidenote-active", item.mark === mark);
    });
    if (mark) {
      current = mark;
    }
  }

  function buildSidenotes(host) {
    var column = document.createElement("aside");
    column.className = "edition-sidenotes";
    // A copy of the notes at the end of the page, which stay the text that is read.
    column.setAttribute("aria-hidden", "true");
    var seen = {};
    host.querySelectorAll(MARKS).forEach(function (mark) {
      var note = noteFor(mark);
      if (!note || seen[note.id] || column.contains(mark) || note.contains(mark)) {
        return;
      }
      seen[note.id] = true;
      var item = document.createElement("div");
      item.className = "edition-sidenote";
      item.setAttribute("data-note", note.id);
      var number = document.createElement("span");
      number.className = "edition-sidenote-number";
      number.textContent = mark.textContent.replace(/[\[\]\s]/g, "");
      var text = document.createElement("div");
      text.className = "edition-sidenote-text";
      text.replaceChildren.apply(text, copyOf(note, false));
      item.appendChild(number);
      item.appendChild(text);
      column.appendChild(item);
      sidenotes.items.push({ mark: mark, note: item });
    });
    host.appendChild(column);
    // A sidenote that grows (its "As delivered" opened) or shrinks moves the ones below it.
    column.addEventListener("toggle", relayout, true);
    if (window.ResizeObserver) {
      var observer = new ResizeObserver(relayout);
      sidenotes.items.forEach(function (item) {
        observer.observe(item.note);
      });
    }
    return column;
  }

  /* Each sidenote at the height of the line of its mark, or just under the one above. */
  function layoutSidenotes() {
    sidenotes.frame = 0;
    if (!sidenotes.active) {
      return;
    }
    var origin = sidenotes.column.getBoundingClientRect().top;
    var floor = -Infinity;
    sidenotes.items.forEach(function (item) {
      var mark = item.mark.getBoundingClientRect();
      var line = parseFloat(getComputedStyle(item.mark.parentElement).lineHeight) || 0;
      // The mark is raised: the line it stands on starts a little above its bottom.
      var want = mark.bottom - origin - (line ? line * 0.8 : mark.height);
      var top = Math.max(want, floor);
      item.note.style.top = Math.round(top) + "px";
      floor = top + item.note.offsetHeight + SIDENOTE_GAP;
    });
  }

  function relayout() {
    if (!sidenotes.frame) {
      sidenotes.frame = window.requestAnimationFrame(layoutSidenotes);
    }
  }

  function setSidenotes() {
    var host = article();
    var on = wanted() && host !== null && roomForSidenotes();
    if (on && host.querySelector(MARKS) === null) {
      on = false;
    }
    if (on === sidenotes.active) {
      relayout();
      return;
    }
    sidenotes.active = on;
    document.documentElement.classList.toggle("edition-sidenotes-on", on);
    if (on) {
      if (popover) {
        popover.hidden = true;
      }
      sidenotes.items = [];
      sidenotes.column = buildSidenotes(host);
      layoutSidenotes();
    } else if (sidenotes.column) {
      sidenotes.column.remove();
      sidenotes.column = null;
      sidenotes.items = [];
    }
  }

  function initSidenotes() {
    if (!wanted() || !window.matchMedia) {
      return;
    }
    setSidenotes();
    var query = window.matchMedia(WIDE);
    if (query.addEventListener) {
      query.addEventListener("change", setSidenotes);
    }
    window.addEventListener("resize", relayout, { passive: true });
    window.addEventListener("load", relayout);
    if (document.fonts && document.fonts.ready) {
      document.fonts.ready.then(relayout);
    }
    var host = article();
    if (host && window.ResizeObserver) {
      new ResizeObserver(relayout).observe(host);
    }
  }

  function init() {
    document.addEventListener("mouseover", function (event) {
      var mark = markOf(event.target);
      if (!mark || mark === current) {
        return;
      }
      clearTimeout(showTimer);
      showTimer = setTimeout(function () {
        show(mark);
      }, SHOW_DELAY);
    });
    document.addEventListener("mouseout", function (event) {
      var mark = markOf(event.target);
      if (!mark || (event.relatedTarget && mark.contains(event.relatedTarget))) {
        return;
      }
      clearTimeout(showTimer);
      if (mark === current) {
        scheduleHide();
      }
    });
    document.addEventListener("focusin", function (event) {
      var mark = markOf(event.target);
      if (mark) {
        show(mark);
      }
    });
    document.addEventListener("focusout", function (event) {
      if (markOf(event.target) === current && current) {
        scheduleHide();
      }
    });
    document.addEventListener("keydown", function (event) {
      if ((event.key === "Escape" || event.key === "Esc") && current) {
        hide();
      }
    });
    // Touch: the first tap on a mark shows its note; a second tap follows the link; a tap
    // anywhere else closes the preview.
    document.addEventListener("pointerdown", function (event) {
      if (event.pointerType === "mouse") {
        return;
      }
      var mark = markOf(event.target);
      if (mark) {
        tapped = mark;
      } else if (current && !(popover && popover.contains(event.target))) {
        hide();
      }
    });
    document.addEventListener("click", function (event) {
      var mark = markOf(event.target);
      if (!mark || tapped !== mark || sidenotes.active) {
        return;
      }
      if (current === mark && mark.dataset.editionPreviewShown === "1") {
        delete mark.dataset.editionPreviewShown;
        hide();
        return;
      }
      event.preventDefault();
      show(mark);
      mark.dataset.editionPreviewShown = "1";
      tapped = mark;
    });
    // The popover is fixed in the viewport: it follows its mark when the page scrolls.
    function follow(event) {
      if (event && event.target && popover && popover.contains(event.target)) {
        return; // scrolling within a tall preview
      }
      if (current && popover && !popover.hidden) {
        place(current);
      }
    }
    window.addEventListener("resize", follow, { passive: true });
    window.addEventListener("scroll", follow, { passive: true, capture: true });
    initSidenotes();
  }

  /* Download links: the files are published next to the HTML by the build that makes them
   * (`nox`).  When a page is served without them (`nox -s html` alone, a live preview), a
   * click says so instead of opening an error page. */
  var DOWNLOADS = "a.edition-download";

  function missing(link) {
    var note = link.parentNode.querySelector(".edition-download-missing");
    if (!note) {
      note = document.createElement("span");
      note.className = "edition-download-missing";
      note.setAttribute("role", "status");
      link.parentNode.appendChild(note);
    }
    note.textContent = link.getAttribute("data-missing") || "";
  }

  function follow(link) {
    var copy = link.cloneNode(true);
    copy.setAttribute("data-checked", "1");
    copy.hidden = true;
    link.parentNode.appendChild(copy);
    copy.click();
    copy.remove();
  }

  function initDownloads() {
    // A page opened from the disk cannot ask whether a file exists: the link is followed.
    if (!/^https?:$/.test(window.location.protocol) || !window.fetch) {
      return;
    }
    document.addEventListener("click", function (event) {
      var link = event.target && event.target.closest ? event.target.closest(DOWNLOADS) : null;
      if (!link || link.getAttribute("data-checked") === "1") {
        return;
      }
      event.preventDefault();
      fetch(link.href, { method: "HEAD", cache: "no-store" })
        .then(function (response) {
          if (response.ok) {
            follow(link);
          } else {
            missing(link);
          }
        })
        .catch(function () {
          follow(link);
        });
    });
  }

  // A code block wider than its column scrolls sideways: one the keyboard can reach and
  // scroll (WCAG 2.1.1), as a mouse or a finger can.  Checked again when the page resizes.
  function reachScrolling() {
    document.querySelectorAll("pre").forEach(function (pre) {
      var scrolls = pre.scrollWidth > pre.clientWidth;
      if (scrolls && !pre.hasAttribute("tabindex")) {
        pre.setAttribute("tabindex", "0");
        pre.setAttribute("data-edition-scrolls", "1");
      } else if (!scrolls && pre.getAttribute("data-edition-scrolls") === "1") {
        pre.removeAttribute("tabindex");
        pre.removeAttribute("data-edition-scrolls");
      }
    });
  }

  function initScrolling() {
    reachScrolling();
    window.addEventListener("resize", reachScrolling, { passive: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
    document.addEventListener("DOMContentLoaded", initDownloads);
    document.addEventListener("DOMContentLoaded", initScrolling);
  } else {
    init();
    initDownloads();
    initScrolling();
  }
})();
