// MathJax 3 in the browser, served from this site, for the notebook pages' math.
//
// The chapters' formulas are typeset at build time (booksite/hooks/prerender_math.py)
// and a chapter does not load this script (booksite/theme/main.html). A notebook page
// does: mkdocs-jupyter keeps Jupyter's $ and $$ in its Markdown cells.
// - MathJax (assets/vendor/mathjax/tex-chtml.js) is loaded only if a cell holds math.
// - Formulas are typeset a few at a time, yielding to the browser between batches, so
//   a long page never blocks the reader for long.
// - <html data-math-typeset="1"> once the page's math is typeset, or found to need
//   nothing (the browser tests wait for it).

// Math is looked for in the notebook's Markdown cells only.
const MATH_CONTAINERS = ".jp-MarkdownOutput";
const untypeset = () =>
  [...document.querySelectorAll(MATH_CONTAINERS)].filter((element) => !element.querySelector("mjx-container"));
const MATHJAX_URL = new URL("../assets/vendor/mathjax/tex-chtml.js", document.currentScript.src).href;
const SLICE_MS = 8; // typeset for this long, then let the browser paint and respond

window.MathJax = {
  tex: {
    inlineMath: [["\\(", "\\)"], ["$", "$"]],
    displayMath: [["\\[", "\\]"], ["$$", "$$"]],
    processEscapes: true,
    processEnvironments: true,
  },
  // No document-wide search: typeset() hands MathJax the containers above, one by one,
  // and everything inside them is searched (Material's table wrappers included), except
  // code (MathJax's skipHtmlTags) and an element marked tex2jax_ignore.
  options: {
    ignoreHtmlClass: "tex2jax_ignore",
    processHtmlClass: "tex2jax_process",
  },
  startup: {
    typeset: false,
    ready() {
      MathJax.startup.defaultReady();
      MathJax.startup.promise.then(() => mathJaxStarted());
    },
  },
};

let mathJaxStarted;
const started = new Promise((resolve) => {
  mathJaxStarted = resolve;
});

function loadMathJax() {
  const script = document.createElement("script");
  script.src = MATHJAX_URL;
  script.async = true;
  document.head.appendChild(script);
  return started;
}

const yieldToBrowser = () => new Promise((resolve) => setTimeout(resolve, 0));

async function typeset() {
  let sliceStart = performance.now();
  for (const container of untypeset()) {
    await MathJax.typesetPromise([container]);
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToBrowser();
      sliceStart = performance.now();
    }
  }
}

async function typesetPage() {
  if (untypeset().length > 0) {
    await loadMathJax();
    await typeset();
  }
  document.documentElement.dataset.mathTypeset = "1";
}

typesetPage().catch((error) => console.error("MathJax:", error));
