// MathJax 3 settings for pymdownx.arithmatex (generic mode), served from this site.
// Typesetting waits for MathJax's own start-up, then runs on every page Material's
// instant navigation shows (document$), so formulas never stay blank.
window.MathJax = {
  tex: {
    inlineMath: [["\\(", "\\)"]],
    displayMath: [["\\[", "\\]"]],
    processEscapes: true,
    processEnvironments: true,
  },
  options: {
    ignoreHtmlClass: ".*|",
    processHtmlClass: "arithmatex",
  },
  startup: {
    typeset: false,
    ready() {
      MathJax.startup.defaultReady();
      MathJax.startup.promise.then(() => {
        document$.subscribe(() => {
          MathJax.startup.output.clearCache();
          MathJax.typesetClear();
          MathJax.texReset();
          MathJax.typesetPromise();
        });
      });
    },
  },
};
