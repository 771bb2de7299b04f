package org.familyview.extracts;

/**
 * The headline outcomes of the Supporting Families programme's national outcome framework
 * (Department for Levelling Up, Housing and Communities, 2022) that an event is evidence for.
 */
public enum SupportingFamiliesCriterion {
  EDUCATION,
  EARLY_YEARS,
  HEALTH,
  SUBSTANCE_USE,
  FAMILY_RELATIONSHIPS,
  CHILD_SAFETY,
  CRIME,
  DOMESTIC_ABUSE,
  HOUSING,
  FINANCIAL_STABILITY
}
