package org.familyview.pipeline.run;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * What one step cost the application's JVM: CPU time of the whole process (every thread, the
 * garbage collector's too, so a step's parallel streams count in full) and the heap's peak while it
 * ran. The peak is the sum of each heap pool's own peak since the step started, an upper bound of
 * the heap in use at any one moment (the pools peak at different times), which is the figure a heap
 * size must allow for. Read by {@code ./familyview bench nightly} from the step's log line.
 */
final class StepResources {

  private final long cpuStartNanos;

  private StepResources(long cpuStartNanos) {
    this.cpuStartNanos = cpuStartNanos;
  }

  /** Starts measuring: resets the heap pools' peaks to what is in use now. */
  static StepResources start() {
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    return new StepResources(processCpuNanos());
  }

  long cpuMillis() {
    long now = processCpuNanos();
    return now < 0 || cpuStartNanos < 0 ? -1 : (now - cpuStartNanos) / 1_000_000;
  }

  long peakHeapMegabytes() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : heapPools()) {
      bytes += pool.getPeakUsage() == null ? 0 : pool.getPeakUsage().getUsed();
    }
    return bytes / (1024 * 1024);
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
        .toList();
  }

  /** -1 where the JVM does not say (not HotSpot's operating-system bean). */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }
}
