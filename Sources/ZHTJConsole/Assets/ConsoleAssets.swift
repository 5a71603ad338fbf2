/// The console's script and style, served by zhtjd (no build step, no CDN). The script is the only one the pages
/// load besides Debian's pdf.js; it reads what it needs from `data-` attributes, so the pages hold no inline script.
enum ConsoleAssets {
    static let script = #"""
        "use strict";
        (function () {
          var csrf = document.body.dataset.csrf || "";
          var review = document.getElementById("review");
          if (!review) { return; }

          // The scan, page by page, drawn by pdf.js in a canvas.
          var canvas = document.getElementById("page");
          var status = document.getElementById("pdf-status");
          var pageLabel = document.getElementById("page-label");
          var zoomLabel = document.getElementById("zoom-label");
          var doc = null, pageNumber = 1, scale = 1.0, rotation = 0, rendering = false, pending = false;

          function draw() {
            if (!doc) { return; }
            if (rendering) { pending = true; return; }
            rendering = true;
            doc.getPage(pageNumber).then(function (page) {
              var viewport = page.getViewport({ scale: scale * 1.5, rotation: rotation });
              canvas.width = Math.floor(viewport.width);
              canvas.height = Math.floor(viewport.height);
              canvas.style.width = Math.floor(viewport.width / 1.5) + "px";
              return page.render({ canvasContext: canvas.getContext("2d"), viewport: viewport }).promise;
            }).then(function () {
              rendering = false;
              canvas.dataset.rendered = String(pageNumber);
              pageLabel.textContent = pageNumber + " / " + doc.numPages;
              zoomLabel.textContent = Math.round(scale * 100) + "%";
              status.textContent = "第 " + pageNumber + " 页，共 " + doc.numPages + " 页 · page " + pageNumber + " of " + doc.numPages;
              if (pending) { pending = false; draw(); }
            }, function (error) {
              rendering = false;
              status.textContent = "无法显示扫描件 The scan cannot be shown: " + error;
            });
          }

          if (window.pdfjsLib) {
            window.pdfjsLib.GlobalWorkerOptions.workerSrc = "/pdfjs/pdf.worker.js";
            window.pdfjsLib.getDocument({
              url: review.dataset.pdf, isEvalSupported: false, disableRange: true, disableStream: true, disableAutoFetch: true
            }).promise.then(function (loaded) { doc = loaded; draw(); }, function (error) {
              status.textContent = "无法载入扫描件 The scan cannot be loaded: " + error;
            });
          } else {
            status.textContent = "缺少 pdf.js：请安装 libjs-pdf · pdf.js is missing: install libjs-pdf";
          }

          function turn(delta) {
            if (!doc) { return; }
            var next = pageNumber + delta;
            if (next >= 1 && next <= doc.numPages) { pageNumber = next; draw(); }
          }
          function zoom(factor) { scale = Math.min(4, Math.max(0.25, scale * factor)); draw(); }
          function go(id) {
            if (id) { window.location.href = "/review/" + id + "?prev=" + review.dataset.id; }
            else { window.location.href = "/queue"; }
          }

          document.getElementById("page-prev").addEventListener("click", function () { turn(-1); });
          document.getElementById("page-next").addEventListener("click", function () { turn(1); });
          document.getElementById("zoom-in").addEventListener("click", function () { zoom(1.25); });
          document.getElementById("zoom-out").addEventListener("click", function () { zoom(0.8); });
          document.getElementById("rotate").addEventListener("click", function () { rotation = (rotation + 90) % 360; draw(); });

          // The full ID number: asked for, and audited, only on a click.
          var reveal = document.getElementById("reveal");
          reveal.addEventListener("click", function () {
            fetch("/member/" + review.dataset.member + "/reveal", {
              method: "POST", credentials: "same-origin", headers: { "X-CSRF-Token": csrf, "Accept": "application/json" }
            }).then(function (response) { return response.json(); }).then(function (body) {
              if (body.ok) { document.getElementById("idnumber").textContent = body.idNumber; reveal.disabled = true; }
              else { document.getElementById("idnumber").textContent += " (" + body.messageZh + " / " + body.message + ")"; }
            });
          });

          var reason = document.getElementById("reason");
          reason.addEventListener("keydown", function (event) {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); document.getElementById("reject-form").requestSubmit(); }
          });

          // Keys: A approve, R reject (the reason box; Ctrl+Enter sends), J/K next/previous, +/- zoom.
          document.addEventListener("keydown", function (event) {
            var target = event.target;
            if (event.ctrlKey || event.altKey || event.metaKey) { return; }
            if (target && (target.tagName === "TEXTAREA" || target.tagName === "INPUT" || target.tagName === "SELECT")) {
              if (event.key === "Escape") { target.blur(); }
              return;
            }
            switch (event.key) {
              case "a": case "A": event.preventDefault(); document.getElementById("approve-form").requestSubmit(); break;
              case "r": case "R": event.preventDefault(); reason.focus(); break;
              case "j": case "J": event.preventDefault(); go(review.dataset.next); break;
              case "k": case "K": event.preventDefault(); if (review.dataset.prev) { window.location.href = "/review/" + review.dataset.prev; } break;
              case "+": case "=": event.preventDefault(); zoom(1.25); break;
              case "-": case "_": event.preventDefault(); zoom(0.8); break;
              case "ArrowRight": case "PageDown": turn(1); break;
              case "ArrowLeft": case "PageUp": turn(-1); break;
            }
          });
        })();
        """#

    static let style = """
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif; color: #1d1d1f; background: #f5f5f7; }
        header { display: flex; gap: 1.2em; align-items: center; padding: .6em 1.2em; background: #b0111b; color: #fff; flex-wrap: wrap; }
        header a { color: #fff; text-decoration: none; margin-right: .9em; }
        header a:hover { text-decoration: underline; }
        header small { opacity: .8; font-weight: normal; }
        header .who { margin-left: auto; opacity: .9; }
        header button { background: transparent; color: #fff; border: 1px solid #fff8; border-radius: 4px; padding: .2em .6em; cursor: pointer; }
        main { padding: 1em 1.4em; }
        h1 { font-size: 1.35em; margin: .3em 0 .6em; }
        h1 small { font-size: .7em; color: #666; font-weight: normal; margin-left: .6em; }
        h2 { font-size: 1.1em; margin: 1.2em 0 .4em; }
        table { border-collapse: collapse; background: #fff; width: 100%; }
        th, td { text-align: left; padding: .35em .6em; border-bottom: 1px solid #e3e3e8; vertical-align: top; }
        th { background: #fafafc; font-weight: 600; font-size: .92em; }
        tr.overdue td { background: #fff4f4; }
        td.file, dd.file { word-break: break-all; font-family: monospace; }
        td.file { min-width: 10em; }
        .flash { margin: .8em 1.4em 0; padding: .5em .8em; border-radius: 4px; background: #e8f6ec; border: 1px solid #9bd3ab; }
        .inline { display: inline; margin: 0; }
        .review { display: grid; grid-template-columns: minmax(320px, 34%) 1fr; gap: 1.2em; align-items: start; }
        .member dl { display: grid; grid-template-columns: max-content 1fr; gap: .25em .8em; margin: 0; background: #fff; padding: .8em; border-radius: 6px; }
        .member dt { color: #555; }
        .member dd { margin: 0; }
        .decide { margin-top: 1em; display: grid; gap: .8em; }
        .decide form { background: #fff; padding: .8em; border-radius: 6px; display: grid; gap: .4em; }
        .decide textarea, .decide select, main input { font: inherit; padding: .35em; border: 1px solid #bbb; border-radius: 4px; }
        button { font: inherit; cursor: pointer; }
        .approve { background: #1d7a34; color: #fff; border: 0; padding: .55em 1em; border-radius: 5px; font-size: 1.05em; }
        .reject { background: #b0111b; color: #fff; border: 0; padding: .5em 1em; border-radius: 5px; }
        kbd { border: 1px solid #ccc; border-bottom-width: 2px; border-radius: 3px; padding: 0 .3em; font-size: .85em; background: #fafafa; color: #333; }
        .keys { color: #555; font-size: .9em; }
        .scan { background: #52525a; padding: .6em; border-radius: 6px; min-height: 70vh; overflow: auto; }
        .scan .toolbar { display: flex; gap: .5em; align-items: center; color: #fff; margin-bottom: .5em; flex-wrap: wrap; }
        .scan .toolbar a { color: #fff; margin-left: auto; }
        #pdf-status { color: #eee; font-size: .9em; margin: 0 0 .4em; }
        #page { background: #fff; box-shadow: 0 2px 10px #0006; display: block; margin: 0 auto; }
        .message { max-width: 46em; }
        @media (max-width: 900px) { .review { grid-template-columns: 1fr; } }
        """
}
