package org.familyview.ingest.extract;

import java.util.List;

/** One page of an extract's rejects or warnings, in file and line order. */
public record FeedbackPage(List<Feedback> items, int page, int size, long total) {

  public FeedbackPage {
    items = List.copyOf(items);
  }
}
