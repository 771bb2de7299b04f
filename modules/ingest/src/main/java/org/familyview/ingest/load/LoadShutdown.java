package org.familyview.ingest.load;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * Whether the application is shutting down. A load interrupted by a shutdown is not a failed load:
 * its extract stays RUNNING so that the next start resumes it from its last chunk.
 */
@Component
class LoadShutdown {

  private final AtomicBoolean stopping = new AtomicBoolean();

  void begin() {
    stopping.set(true);
  }

  boolean inProgress() {
    return stopping.get();
  }
}
