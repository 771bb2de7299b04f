// The chronology's counts and timeline (issue 18): open side by side on a wide screen, folded under
// one toggle on a phone so that the phone's first screen holds the flags, the summary line and the
// newest entries. Printing opens them, so the printout keeps them. A file, not inline, for the
// Content-Security-Policy.
const summary = document.getElementById("summary-details");
if (summary) {
  if (window.matchMedia("(min-width: 40.0625em)").matches) {
    summary.open = true;
  }
  window.addEventListener("beforeprint", () => {
    summary.open = true;
  });
}
