package org.familyview.audit.verify;

/** The outcome of walking the audit chain. */
public sealed interface ChainVerification {

  /**
   * Every entry's hash matches its content and links to the entry before.
   *
   * @param head the last entry's hash: keep it elsewhere to detect removal of the newest entries
   */
  record Intact(long entries, String head) implements ChainVerification {}

  /** The first entry at which the chain does not hold, and why. */
  record Broken(long seq, String reason) implements ChainVerification {}
}
