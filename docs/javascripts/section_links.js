// Every way to a section lands on it: a table-of-contents entry, a link into another
// page (instant navigation), an address with "#".
//
// - Blocks rendered on demand (docs/hooks/render_on_demand.py) stand in at a guessed
//   height until they come near the screen. A jump far down a page is computed with
//   those guesses; then the blocks around the section render at their real heights
//   and the section moves, as far as under the header. So before a jump the page
//   renders all its blocks (class md-render-all), and the jump is exact.
// - Material's instant navigation scrolls a new page to its section unless the new
//   history entry already holds a state, which it takes for a return by the back
//   button. But the old page keeps writing states while the new one loads (its scroll
//   offset 100 ms after each scroll; with navigation.tracking, its active section
//   250 ms after), so a scroll just before or during the load sent the page to its
//   top. So the address of a link clicked to another page's section is noted, and
//   once Material has shown that page, the address is restored and the page jumps.
//
// A jump is a click on a same-page link (not in the document, so Material's link
// handling never sees it), as Material makes it: it sets :target and honours the
// heading's scroll margin.

const RENDER_ALL = "md-render-all";
let sectionLinkFollowed = null; // the address of the last link clicked to another page's section

function article() {
  return document.querySelector(".md-content .md-typeset");
}

function section(hash) {
  return hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
}

function jumpTo(hash) {
  const link = document.createElement("a");
  link.href = hash;
  link.click();
}

document.addEventListener(
  "click",
  (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (link === null || link.hash === "" || link.origin !== location.origin) {
      sectionLinkFollowed = null;
    } else if (link.pathname !== location.pathname) {
      sectionLinkFollowed = link.href;
    } else if (section(link.hash) !== null) {
      article()?.classList.add(RENDER_ALL); // before Material (a listener on body) jumps
    }
  },
  { capture: true },
);

// Subscribed after Material's own scroll handling (the theme's bundle runs first), so
// this runs after it on every page Material shows, the first included.
document$.subscribe(() => {
  const followed = sectionLinkFollowed === null ? null : new URL(sectionLinkFollowed);
  sectionLinkFollowed = null;
  const arrived = followed !== null && followed.pathname === location.pathname;
  const hash = arrived ? followed.hash : location.hash;
  if (section(hash) === null) return;
  article()?.classList.add(RENDER_ALL);
  if (arrived) history.replaceState(null, "", followed);
  jumpTo(hash);
});
