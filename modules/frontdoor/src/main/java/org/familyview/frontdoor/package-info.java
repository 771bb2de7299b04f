/**
 * The MASH front door: contacts about a person or a family, each rated red, amber or green with a
 * deadline on the working-hours clock; one check per partner that FamilyView links to the subject,
 * each with its own deadline; the decision with its outcome and reasons, recorded against the
 * family and shown in its chronology; the board. Owns {@code front_door_contact} and {@code
 * front_door_check}. The nightly {@code concerns} step ({@code frontdoor.rules}) raises contacts
 * from configured concern rules. HTTP lives only in {@code frontdoor.web}.
 */
@NullMarked
package org.familyview.frontdoor;

import org.jspecify.annotations.NullMarked;
