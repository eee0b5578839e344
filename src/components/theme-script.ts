/** Storage key of a dismissed subscribe banner; read before first paint, like the theme. */
export const BANNER_DISMISSED_KEY = "subscribe-banner-dismissed";

/**
 * Runs before first paint, so the page never flashes the wrong theme or a banner the reader has
 * dismissed, and marks the document as scripted (`data-js`) for controls that need JavaScript.
 */
export const THEME_SCRIPT = `(function(){var e=document.documentElement;e.dataset.js="";try{var t=localStorage.getItem("theme");var d=t==="dark"||(t!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches);e.classList.toggle("dark",d);if(localStorage.getItem("${BANNER_DISMISSED_KEY}"))e.dataset.bannerDismissed=""}catch(x){}})()`;
