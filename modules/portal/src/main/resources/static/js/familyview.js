// GOV.UK Frontend's components initialise only when the body says the browser supports them;
// this lives in a file rather than inline so the Content-Security-Policy can forbid inline script.
import { initAll } from "/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
