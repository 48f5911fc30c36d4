// MathJax 3 in the browser, served from this site, for the math the build left untypeset.
//
// The chapters' formulas are typeset at build time (booksite/hooks/prerender_math.py), so
// a chapter needs no MathJax here. What remains is typeset in the browser: the
// notebook pages' Markdown cells (mkdocs-jupyter keeps Jupyter's $ and $$), and any
// arithmatex formula the build did not typeset (e.g. a page served without the hook).
// - MathJax (assets/vendor/mathjax/tex-chtml.js) is loaded only once a page with such
//   math is shown: the first such page, or the first one reached by instant navigation.
// - Every page Material shows (document$: the first load and each instant navigation)
//   is typeset once MathJax has started, so formulas never stay blank.
// - Formulas are typeset a few at a time, yielding to the browser between batches, so
//   a long page never blocks the reader for long.
// - <html data-math-typeset="N">: N pages shown and typeset so far (the browser tests wait for it).

// Chapters: arithmatex writes \( \) and \[ \]. Notebook pages (mkdocs-jupyter) keep
// Jupyter's $ and $$ in their Markdown cells, and only there are they looked for.
const MATH_CONTAINERS = ".arithmatex, .jp-MarkdownOutput";
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
let loading = false;
let pagesShown = 0;
let pagesTypeset = 0;

function loadMathJax() {
  if (!loading) {
    loading = true;
    const script = document.createElement("script");
    script.src = MATHJAX_URL;
    script.async = true;
    document.head.appendChild(script);
  }
  return started;
}

const yieldToBrowser = () => new Promise((resolve) => setTimeout(resolve, 0));

async function typeset(page) {
  MathJax.startup.output.clearCache();
  MathJax.typesetClear();
  MathJax.texReset();
  let sliceStart = performance.now();
  for (const container of untypeset()) {
    if (page !== pagesShown) return; // the reader moved on: that page's turn is over
    await MathJax.typesetPromise([container]);
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToBrowser();
      sliceStart = performance.now();
    }
  }
}

function typesetDone(page) {
  if (page === pagesShown) {
    document.documentElement.dataset.mathTypeset = String(++pagesTypeset);
  }
}

// One typesetting at a time: a page shown mid-way waits for the previous one to stop.
let queue = Promise.resolve();

document$.subscribe(() => {
  const page = ++pagesShown;
  if (untypeset().length === 0) {
    typesetDone(page); // nothing to typeset: MathJax is not even loaded
    return;
  }
  queue = queue
    .then(() => loadMathJax())
    .then(() => typeset(page))
    .then(() => typesetDone(page))
    .catch((error) => console.error("MathJax:", error));
});
