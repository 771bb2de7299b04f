// The chronology's timeline (issue 18): open beside the counts on a wide screen, folded under its
// own toggle on a phone so that the phone's first screen holds the summary and the newest entries.
// Printing opens it, so the printout keeps it. A file, not inline, for the Content-Security-Policy.
const timeline = document.getElementById("timeline-details");
if (timeline) {
  if (window.matchMedia("(min-width: 40.0625em)").matches) {
    timeline.open = true;
  }
  window.addEventListener("beforeprint", () => {
    timeline.open = true;
  });
}
