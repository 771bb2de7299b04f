/**
 * The families step of the nightly pipeline: keeps each source record's dated address history
 * (residence_observation), groups the people the matcher made into families and households with the
 * families library, keeps family ids stable, writes family, family_member, household and
 * household_member, and raises household conflicts for the data steward.
 */
@NullMarked
package org.familyview.pipeline.families;

import org.jspecify.annotations.NullMarked;
