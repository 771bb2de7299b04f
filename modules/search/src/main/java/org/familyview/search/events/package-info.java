/**
 * The events index: one small document per event (who, which family, agency, type, role, date,
 * sensitivity, never the summary), for questions across many families that PostgreSQL answers
 * slowly: which families had events of this kind, from this agency, in this period.
 */
@NullMarked
package org.familyview.search.events;

import org.jspecify.annotations.NullMarked;
