/* Note previews: a note's text in a popover next to its mark, without leaving the page.
 *
 * Shown on mouse hover, on keyboard focus and on a first tap (a second tap follows the link);
 * hidden on Escape, when the pointer or the focus leaves, and on a tap elsewhere.  Works on
 * any note mark that links to the note in the same page: docutils' and Sphinx's
 * `a.footnote-reference` and anything with the DPUB-ARIA `doc-noteref` role.
 * No library, no request: the note is already in the page.
 */
(function () {
  "use strict";

  var MARKS = 'a.footnote-reference[href^="#"], a[role~="doc-noteref"][href^="#"]';
  var SHOW_DELAY = 120;
  var HIDE_DELAY = 250;
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

  function fill(note) {
    var copy = note.cloneNode(true);
    // The label and the back-links are navigation of the note list, not the note's text.
    copy
      .querySelectorAll('.label, .backrefs, [role~="doc-backlink"], .fn-bracket')
      .forEach(function (el) {
        el.remove();
      });
    // Ids must stay unique in the page.
    copy.querySelectorAll("[id]").forEach(function (el) {
      el.removeAttribute("id");
    });
    // The preview is a description, not a stop in the tab order.
    copy.querySelectorAll("a, button, input, select, textarea, [tabindex]").forEach(function (el) {
      el.setAttribute("tabindex", "-1");
    });
    body.replaceChildren.apply(body, Array.prototype.slice.call(copy.childNodes));
  }

  function place(mark) {
    var rect = mark.getBoundingClientRect();
    var parent = popover.offsetParent || document.documentElement;
    var origin = parent.getBoundingClientRect();
    var width = Math.min(popover.offsetWidth, document.documentElement.clientWidth - 16);
    var left = rect.left + rect.width / 2 - width / 2;
    left = Math.max(8, Math.min(left, document.documentElement.clientWidth - width - 8));
    var top = rect.bottom + 6;
    // Above the mark when there is no room below it.
    if (top + popover.offsetHeight > window.innerHeight && rect.top > popover.offsetHeight + 6) {
      top = rect.top - popover.offsetHeight - 6;
      popover.classList.add("edition-note-preview-above");
    } else {
      popover.classList.remove("edition-note-preview-above");
    }
    popover.style.left = left - origin.left + parent.scrollLeft + "px";
    popover.style.top = top - origin.top + parent.scrollTop + "px";
  }

  function show(mark) {
    var note = noteFor(mark);
    if (!note) {
      return;
    }
    clearTimeout(hideTimer);
    clearTimeout(showTimer);
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
      if (!mark || tapped !== mark) {
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
    window.addEventListener(
      "resize",
      function () {
        if (current) {
          place(current);
        }
      },
      { passive: true }
    );
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

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
    document.addEventListener("DOMContentLoaded", initDownloads);
  } else {
    init();
    initDownloads();
  }
})();
