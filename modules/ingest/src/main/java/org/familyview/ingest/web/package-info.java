/**
 * The uploader's pages: deliver an extract from the browser, watch its load, read its rejects and
 * warnings, and the agency's data-quality scorecard. Same access rule as the API.
 */
@NullMarked
package org.familyview.ingest.web;

import org.jspecify.annotations.NullMarked;
