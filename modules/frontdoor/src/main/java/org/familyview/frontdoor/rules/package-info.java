/**
 * Concern rules: versioned, configured ({@code config/concerns/*.yaml}) and explainable, evaluated
 * over every current family by the nightly {@code concerns} step after the families step. A fired
 * rule raises one front-door contact carrying its evidence (events with provenance), once per
 * (rule, family, evidence). The rules and their evaluation are plain Java; only {@link
 * org.familyview.frontdoor.rules.ConcernStage} and the readers around it are Spring.
 */
@NullMarked
package org.familyview.frontdoor.rules;

import org.jspecify.annotations.NullMarked;
