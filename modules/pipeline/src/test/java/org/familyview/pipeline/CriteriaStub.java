package org.familyview.pipeline;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Stands in for the criteria stage (module eligibility, not a dependency of this one): a test can
 * hold a run inside it until released, or make its next execution fail, deterministically.
 */
@Component
class CriteriaStub implements PipelineStage {

  static volatile CountDownLatch gate = new CountDownLatch(0);
  static volatile CountDownLatch entered = new CountDownLatch(0);
  static volatile boolean failNext;
  static final AtomicInteger executions = new AtomicInteger();

  @Override
  public String name() {
    return "criteria";
  }

  @Override
  public Counts run(UUID runId) {
    executions.incrementAndGet();
    entered.countDown();
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
    if (failNext) {
      failNext = false;
      throw new IllegalStateException("criteria stage made to fail by the test");
    }
    return new Counts(1, 0);
  }
}
