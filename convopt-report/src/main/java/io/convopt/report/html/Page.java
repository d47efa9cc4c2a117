package io.convopt.report.html;

import io.convopt.report.section.Section;
import java.util.List;

/**
 * The report page: inline CSS, a table of contents, the sections, and a small inline script that
 * checks every figure rendered (an {@code <svg>} with non-zero size and drawn content) and records
 * the result and any script errors as attributes of {@code <body>} for the browser test.
 */
public final class Page {
  private Page() {}

  static final String CSS =
      """
      :root { --ink:#1d1d1f; --muted:#5f6368; --rule:#d9dce1; --bg:#ffffff; --panel:#f6f7f9; }
      * { box-sizing: border-box; }
      body { margin:0; font:15px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
             color:var(--ink); background:var(--bg); }
      header { padding:24px 40px 12px; border-bottom:1px solid var(--rule); }
      header h1 { margin:0 0 4px; font-size:26px; }
      header .meta { color:var(--muted); font-size:13px; }
      nav { padding:8px 40px; border-bottom:1px solid var(--rule); background:var(--panel);
            position:sticky; top:0; z-index:2; display:flex; flex-wrap:wrap;
            column-gap:16px; row-gap:2px; }
      nav a { color:#0b57d0; text-decoration:none; font-size:14px; white-space:nowrap; }
      nav a:hover { text-decoration:underline; }
      main { padding:8px 40px 48px; max-width:1480px; }
      @media (max-width:1100px) {
        header, main { padding-left:16px; padding-right:16px; } nav { padding:8px 16px; }
      }
      p.source { color:var(--muted); font-size:13px; margin-top:-4px; }
      p.missing { margin-bottom:2px; } ul.missing { color:var(--muted); margin-top:2px; }
      td.infinite { background:#eef1fb; }
      section { margin-top:28px; }
      h2 { font-size:21px; border-bottom:2px solid var(--rule); padding-bottom:4px; }
      h3 { font-size:16px; margin:20px 0 6px; }
      h3 .rows { color:var(--muted); font-weight:normal; font-size:13px; }
      .note { border-left:5px solid #b26b00; background:#fff6e5; padding:10px 16px; margin:16px 0;}
      .absent { color:var(--muted); font-style:italic; }
      .table-summary { font-weight:600; }
      .table-wrap { margin:8px 0 16px; max-width:100%; }
      table { border-collapse:collapse; font-size:13px; font-variant-numeric:tabular-nums;
              max-width:100%; }
      th, td { border:1px solid var(--rule); padding:4px 6px; text-align:left; vertical-align:top;
               white-space:pre-line; overflow-wrap:anywhere; }
      thead th { background:var(--panel); position:sticky; top:0; }
      td.num { text-align:right; white-space:nowrap; overflow-wrap:normal; }
      table.data-table { font-size:12px; }
      table.data-table td, table.data-table th { padding:3px 4px; }
      td.paper { background:#f1f3f8; }
      td.ours { background:#eef7f1; font-weight:600; }
      td.verdict { font-weight:700; white-space:nowrap; }
      td.verdict-match { background:#d8f0dd; color:#0b5a1e; }
      td.verdict-near { background:#fdf0c4; color:#6b4a00; }
      td.verdict-differs { background:#f9d6d5; color:#8a1212;
                           text-decoration:underline wavy #8a1212; }
      table.provenance th { background:var(--panel); font-weight:600; }
      details { margin:8px 0 16px; }
      summary { cursor:pointer; color:#0b57d0; }
      figure { margin:16px 0 28px; padding:12px; border:1px solid var(--rule); border-radius:6px;
               background:#fff; max-width:100%; overflow-x:auto; }
      figure svg { display:block; max-width:100%; height:auto; }
      figure svg g.legend-entry { cursor:pointer; } figure svg .off { opacity:0.15; }
      figcaption { color:var(--muted); font-size:13px; margin-top:6px; }
      figure.figure-failed { border-color:#c00; }
      ul.summary li { margin:2px 0; }
      @media print { nav { display:none; } figure { break-inside:avoid; } }
      """;

  // Clicking a legend entry hides or shows the lines with that label. The layout check (for the
  // browser test) records sideways scroll of the page and any nav, table, figure, section or
  // legend label wider than its box or past the window. Runs without network. Errors are
  // collected from the very start (the handler is installed before anything else), then the
  // figure check runs once layout is complete.
  static final String SCRIPT =
      """
      (function () {
        var errors = [];
        function mark() {
          if (document.body) {
            document.body.setAttribute('data-script-errors', String(errors.length));
          }
        }
        window.onerror = function (message) { errors.push(String(message)); mark(); };
        window.addEventListener('load', function () {
          var figures = document.querySelectorAll('figure');
          var ok = 0;
          for (var i = 0; i < figures.length; i++) {
            var svg = figures[i].querySelector('svg');
            var box = svg ? svg.getBoundingClientRect() : null;
            var drawn = svg ? svg.querySelectorAll('path, rect, circle, polygon, line').length : 0;
            if (box && box.width > 0 && box.height > 0 && drawn > 0) { ok++; }
            else { figures[i].classList.add('figure-failed'); }
          }
          var entries = document.querySelectorAll('g.legend-entry');
          for (var j = 0; j < entries.length; j++) {
            entries[j].addEventListener('click', function () {
              var label = this.getAttribute('data-label');
              var off = !this.classList.contains('off');
              this.classList.toggle('off', off);
              var lines = this.ownerSVGElement.querySelectorAll('path.series');
              for (var k = 0; k < lines.length; k++) {
                var t = lines[k].querySelector('title');
                if (t && t.textContent === label) { lines[k].classList.toggle('off', off); }
              }
            });
          }
          var root = document.documentElement;
          var clipped = [];
          var boxes = document.querySelectorAll('nav, table, .table-wrap, figure, section');
          for (var b = 0; b < boxes.length; b++) {
            var e = boxes[b];
            var r = e.getBoundingClientRect();
            if (e.scrollWidth > e.clientWidth + 1 || r.right > root.clientWidth + 1) {
              var where = e.closest('section');
              clipped.push((where ? where.id + '/' : '') + (e.id || e.tagName.toLowerCase()) + ':'
                  + Math.round(r.right));
            }
          }
          var svgs = document.querySelectorAll('figure svg');
          for (var s = 0; s < svgs.length; s++) {
            var vb = svgs[s].viewBox.baseVal;
            var texts = svgs[s].querySelectorAll('g.legend text');
            for (var q = 0; q < texts.length; q++) {
              var bb = texts[q].getBBox();
              if (vb && vb.width > 0 && bb.x + bb.width > vb.width + 0.5) {
                clipped.push('legend:' + texts[q].textContent);
              }
            }
          }
          var sideways = root.scrollWidth - root.clientWidth;
          document.body.setAttribute('data-page-overflow', String(sideways));
          document.body.setAttribute('data-clipped', clipped.join('|'));
          document.body.setAttribute('data-figures-ok', String(ok));
          document.body.setAttribute('data-figures-total', String(figures.length));
          mark();
          document.body.setAttribute('data-check', 'done');
        });
      })();
      """;

  /** Assembles the page. */
  public static String render(String title, String meta, String note, List<Section> sections) {
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Html.esc(title))
        .append("</title>\n")
        .append("<style>\n")
        .append(CSS)
        .append("</style>\n")
        .append("<script>\n")
        .append(SCRIPT)
        .append("</script>\n</head>\n")
        .append("<body data-script-errors=\"0\">\n<header><h1>")
        .append(Html.esc(title))
        .append("</h1>\n<div class=\"meta\">")
        .append(Html.esc(meta))
        .append("</div></header>\n<nav aria-label=\"Sections\">");
    for (Section s : sections) {
      sb.append("<a href=\"#")
          .append(Html.esc(s.id()))
          .append("\">")
          .append(Html.esc(s.title()))
          .append("</a>");
    }
    sb.append("</nav>\n<main>\n").append(note);
    for (Section s : sections) {
      sb.append("<section id=\"")
          .append(Html.esc(s.id()))
          .append("\">\n<h2>")
          .append(Html.esc(s.title()))
          .append("</h2>\n")
          .append(s.html())
          .append("</section>\n");
    }
    sb.append("</main>\n</body>\n</html>\n");
    return sb.toString();
  }
}
