// Every way into a page lands where it should: a table-of-contents entry or a link on
// its section, a link to another page at that page's top, the back and forward buttons
// where the reader was, an address with "#" on its section.
//
// - Blocks rendered on demand (docs/hooks/render_on_demand.py) stand in at a guessed
//   height until they come near the screen. A jump far down a page is computed with
//   those guesses; then the blocks around the section render at their real heights
//   and the section moves, as far as under the header. So before a jump, or a return
//   to an offset, the page renders all its blocks (class md-render-all).
// - Material's instant navigation scrolls a new page to its section (or its top)
//   unless the new history entry already holds a state, which it takes for a return
//   by the back button and restores the state's offset. But the old page keeps
//   writing states while the new one loads (its scroll offset 100 ms after each
//   scroll; with navigation.tracking, its active section 250 ms after), so a scroll
//   just before or during the load sent the new page to the old one's offset or to
//   its top. So the address of each link clicked to a page of the site is noted, and
//   once Material has shown that page (it may also reload the page shown for a link
//   to one of its sections), the address is restored and the page placed. The back
//   and forward buttons meet the same race the other way round: the state and address
//   of the entry returned to are noted when it is popped, and restored in the same way.
//
// A jump is a click on a same-page link (not in the document, so Material's link
// handling never sees it), as Material makes it: it sets :target and honours the
// heading's scroll margin.
//
// Wrapped in a function: the site's scripts share one global scope (mathjax.js has its own pagesShown).

(() => {
  const RENDER_ALL = "md-render-all";
  let pageLinkFollowed = null; // the address of the last link clicked to a page of this site
  let pagesShown = 0;
  let returnedTo = null; // the entry the back or forward button returned to: its state and address

  window.addEventListener("popstate", () => {
    returnedTo = { state: history.state, address: location.href };
  });

  function renderAllBlocks() {
    document.querySelector(".md-content .md-typeset")?.classList.add(RENDER_ALL);
  }

  function section(hash) {
    return hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
  }

  function jumpTo(hash) {
    renderAllBlocks();
    const link = document.createElement("a");
    link.href = hash;
    link.click();
  }

  document.addEventListener(
    "click",
    (event) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      pageLinkFollowed = link !== null && link.origin === location.origin ? link.href : null;
      if (pageLinkFollowed !== null && link.pathname === location.pathname && section(link.hash) !== null) {
        renderAllBlocks(); // before Material (a listener on body) jumps
      }
    },
    { capture: true },
  );

  // Subscribed after Material's own scroll handling (the theme's bundle runs first), so
  // this runs after it on every page Material shows, the first included.
  document$.subscribe(() => {
    const followed = pageLinkFollowed === null ? null : new URL(pageLinkFollowed);
    pageLinkFollowed = null;
    const returned = returnedTo;
    returnedTo = null;
    const firstPage = ++pagesShown === 1;
    if (followed !== null && followed.pathname === location.pathname) {
      history.replaceState(null, "", followed); // a page reached by a link has no state yet
      if (section(followed.hash) !== null) jumpTo(followed.hash);
      else window.scrollTo(0, 0);
    } else if (firstPage && section(location.hash) !== null) {
      jumpTo(location.hash);
    } else if (returned !== null && new URL(returned.address).pathname === location.pathname) {
      history.replaceState(returned.state, "", returned.address);
      if (typeof returned.state?.y === "number") {
        renderAllBlocks();
        window.scrollTo(0, returned.state.y);
      }
    }
  });
})();
