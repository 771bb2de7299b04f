/**
 * The extracts API: {@code POST /api/extracts/{partner}} to deliver (a configured partner's id),
 * {@code GET /api/extracts/{extractId}} for status, counts and paginated feedback, {@code GET
 * /api/extracts/{extractId}/rejects.csv} to download the rejects. Failures become ProblemDetail
 * here and nowhere else.
 */
@NullMarked
package org.familyview.ingest.api;

import org.jspecify.annotations.NullMarked;
