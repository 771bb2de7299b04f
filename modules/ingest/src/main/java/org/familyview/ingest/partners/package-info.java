/**
 * The configured partners ({@code config/partners/*.yaml}, read by {@link
 * org.familyview.extracts.Partners}) as a bean for the load, the drop folders and the upload API,
 * and {@code GET /api/partners}.
 */
@NullMarked
package org.familyview.ingest.partners;

import org.jspecify.annotations.NullMarked;
