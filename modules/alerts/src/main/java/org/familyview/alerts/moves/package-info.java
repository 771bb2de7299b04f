/**
 * The old authority told that a family moved away (issue 16): after each nightly run, every family
 * that crossed a border and that its old authority still reads is announced once, in the inbox of
 * the old authority's keyworkers who hold it, or of its safeguarding leads when none does. The move
 * itself is the access module's ({@code access.authority}); alerts only tells people of it.
 */
@NullMarked
package org.familyview.alerts.moves;

import org.jspecify.annotations.NullMarked;
