package org.familyview.frontdoor;

/**
 * Where a partner check stands. {@code REQUESTED} and {@code ANSWERED} are stored; {@code OVERDUE}
 * is a requested check past its deadline, worked out when it is read.
 */
public enum CheckStatus {
  REQUESTED,
  OVERDUE,
  ANSWERED
}
