/**
 * Supporting Families eligibility over the linked data: the nightly {@code criteria} stage that
 * evaluates every current family against the configured rulesets, the stored results, and the API,
 * pages and evidence pack that show which needs are met and why.
 */
@NullMarked
package org.familyview.eligibility;

import org.jspecify.annotations.NullMarked;
