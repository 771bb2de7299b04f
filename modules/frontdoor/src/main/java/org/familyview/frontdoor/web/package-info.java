/**
 * The front door's two doors, the API ({@code /api/front-door/**}) and the pages ({@code
 * /front-door/**}), over one audited gate ({@link org.familyview.frontdoor.web.FrontDoorGate}): the
 * gate decides who may do what and records every contact, check and decision, refusals included;
 * the doors only render its answer, as JSON with problem details or as GOV.UK pages.
 */
@NullMarked
package org.familyview.frontdoor.web;

import org.jspecify.annotations.NullMarked;
