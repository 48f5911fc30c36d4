// Typeset TeX into MathJax CommonHTML at build time (used by prerender_math.py, beside it).
//
// Reads one JSON request per line on stdin: {"formulas": [{"tex": "...", "display": true}, ...]}
// and answers one JSON line per request: {"html": [...], "css": "...", "errors": [...]},
// where css is the stylesheet for exactly those formulas (its font URL is the
// placeholder MATHJAX-FONT-URL, which the hook makes relative to each page) and
// errors lists "TeX: message" for each formula MathJax could not typeset.
// The MathJax used is the one the site serves (node_modules/mathjax, pinned) in the
// repository root, the script's one argument.
"use strict";

const path = require("path");
const readline = require("readline");

const root = process.argv[2];

require(path.join(root, "node_modules", "mathjax"))
  .init({
    // tex-full: every TeX extension is loaded here, nothing is autoloaded later.
    loader: {
      load: ["input/tex-full", "output/chtml", "adaptors/liteDOM", "a11y/assistive-mml"],
      versionWarnings: false,
    },
    // Without these two, an undefined macro or a TeX error is reported, not drawn in red.
    tex: { packages: { "[-]": ["noundefined", "noerrors"] } },
    chtml: { fontURL: "MATHJAX-FONT-URL" },
    startup: { typeset: false },
  })
  .then((MathJax) => {
    const adaptor = MathJax.startup.adaptor;
    const lines = readline.createInterface({ input: process.stdin });
    lines.on("line", (line) => {
      const { formulas } = JSON.parse(line);
      MathJax.startup.output.clearCache(); // the stylesheet covers this request only
      MathJax.texReset();
      const html = [];
      const errors = [];
      for (const { tex, display } of formulas) {
        const node = MathJax.tex2chtml(tex, { display });
        const markup = adaptor.outerHTML(node);
        const error = markup.match(/data-mjx-error="([^"]*)"/);
        if (error) errors.push(`${tex}: ${error[1]}`);
        html.push(markup);
      }
      const css = adaptor.textContent(MathJax.chtmlStylesheet());
      process.stdout.write(JSON.stringify({ html, css, errors }) + "\n");
    });
  })
  .catch((error) => {
    process.stderr.write(`MathJax failed to start: ${error}\n`);
    process.exit(1);
  });
