// Typeset TeX at build time (used by prerender_math.py, beside it): each formula becomes
// MathJax's SVG drawn as an image, plus the MathML a screen reader reads.
//
// Reads one JSON request per line on stdin: {"formulas": [{"tex": "...", "display": true}, ...]}
// and answers one JSON line per request: {"html": [...], "css": "...", "errors": [...]},
// where css is MathJax's stylesheet for its containers and errors lists "TeX: message" for
// each formula MathJax could not typeset.
//
// Why an image: drawn inline, a formula is dozens of elements that the browser styles and
// lays out with the rest of the page (on the page with the most formulas, the math was 60%
// of that work); as an <img> of a self-contained SVG it is one element, drawn without fonts.
// Each container keeps MathJax's assistive MathML (visually hidden), which is what assistive
// technology reads; the image itself is hidden from it (alt="").
// The MathJax used is the one the site serves (node_modules/mathjax, pinned) in the
// repository root, the script's one argument.
"use strict";

const path = require("path");
const readline = require("readline");

const root = process.argv[2];

// A data: URL that keeps the SVG readable and compressible (gzip): only the characters a
// URL or a double-quoted HTML attribute cannot hold are escaped.
function dataUrl(svg) {
  const escaped = svg
    .replace(/\s+/g, " ")
    .replace(/%/g, "%25")
    .replace(/#/g, "%23")
    .replace(/"/g, "'")
    .replace(/</g, "%3C")
    .replace(/>/g, "%3E");
  return `data:image/svg+xml,${escaped}`;
}

// The container's <svg> (with its nested ones) replaced by an <img> of the same size and baseline.
function asImage(markup) {
  const start = markup.indexOf("<svg");
  const end = markup.lastIndexOf("</svg>") + "</svg>".length;
  const svg = markup.slice(start, end);
  const attribute = (name) => (svg.match(new RegExp(`^<svg[^>]*\\s${name}="([^"]*)"`)) || [])[1];
  const style = [attribute("style"), `width: ${attribute("width")}`, `height: ${attribute("height")}`]
    .filter(Boolean)
    .join("; ")
    .replace(/;\s*;/g, ";");
  const image = `<img alt="" src="${dataUrl(svg)}" style="${style}">`;
  return markup.slice(0, start) + image + markup.slice(end);
}

require(path.join(root, "node_modules", "mathjax"))
  .init({
    // tex-full: every TeX extension is loaded here, nothing is autoloaded later.
    loader: {
      load: ["input/tex-full", "output/svg", "adaptors/liteDOM", "a11y/assistive-mml"],
      versionWarnings: false,
    },
    // Without these two, an undefined macro or a TeX error is reported, not drawn in red.
    tex: { packages: { "[-]": ["noundefined", "noerrors"] } },
    // "local": each SVG carries the glyph outlines it uses, so that it stands alone as an image.
    svg: { fontCache: "local" },
    startup: { typeset: false },
  })
  .then((MathJax) => {
    const adaptor = MathJax.startup.adaptor;
    const css = adaptor.textContent(MathJax.svgStylesheet());
    const lines = readline.createInterface({ input: process.stdin });
    lines.on("line", (line) => {
      const { formulas } = JSON.parse(line);
      MathJax.texReset();
      const html = [];
      const errors = [];
      for (const { tex, display } of formulas) {
        const markup = adaptor.outerHTML(MathJax.tex2svg(tex, { display }));
        const error = markup.match(/data-mjx-error="([^"]*)"/);
        if (error) errors.push(`${tex}: ${error[1]}`);
        html.push(asImage(markup));
      }
      process.stdout.write(JSON.stringify({ html, css, errors }) + "\n");
    });
  })
  .catch((error) => {
    process.stderr.write(`MathJax failed to start: ${error}\n`);
    process.exit(1);
  });
