package org.familyview.matching.block;

import java.util.function.BiConsumer;
import org.familyview.matching.standardise.StandardisedRecord;

/**
 * A rule that gives each record zero or more blocking keys; two records are a candidate pair under
 * the rule when they share a key. A record with a missing field simply gives no key for a rule that
 * needs it.
 */
public record BlockingRule(String name, BiConsumer<StandardisedRecord, KeySink> keys) {

  /** Receives keys; a rule may emit several (every initial, every alias). */
  @FunctionalInterface
  public interface KeySink {
    void accept(String key);
  }

  public void keysOf(StandardisedRecord record, KeySink sink) {
    keys.accept(record, sink);
  }
}
