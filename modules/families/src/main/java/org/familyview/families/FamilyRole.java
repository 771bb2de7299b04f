package org.familyview.families;

/** A member's part in a family; stored by name in family_member.role. */
public enum FamilyRole {
  PARENT_OR_CARER,
  CHILD,
  OTHER_ADULT
}
