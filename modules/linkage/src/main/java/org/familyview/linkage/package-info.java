/**
 * The one owner of the link tables: {@code person}, {@code person_record}, {@code
 * person_link_event} and {@code person_lineage} ({@link org.familyview.linkage.PersonLinks}),
 * {@code match_decision} ({@link org.familyview.linkage.MatchDecisions}) and {@code review_task}
 * ({@link org.familyview.linkage.ReviewTasks}). The nightly pipeline and the steward's workbench
 * both read and write them through these three classes, so that the SQL of a table stands in one
 * place.
 */
@NullMarked
package org.familyview.linkage;

import org.jspecify.annotations.NullMarked;
