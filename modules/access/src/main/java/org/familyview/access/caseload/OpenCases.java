package org.familyview.access.caseload;

import java.util.Set;

/**
 * The two questions the access rules ask of caseloads and break-glass grants. {@link Caseloads}
 * answers them from PostgreSQL; the rules themselves ({@code CaseAccess}) stay a plain policy that
 * a unit test can drive with any caseload it likes.
 */
public interface OpenCases {

  /** The families on a keyworker's caseload today. */
  Set<String> currentFamilies(String keyworker);

  /** Whether the user holds an unexpired break-glass grant on this person or family. */
  boolean hasGrant(String username, String targetType, String targetId);
}
