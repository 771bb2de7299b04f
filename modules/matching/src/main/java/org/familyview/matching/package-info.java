/**
 * The matcher's public face: source records, configuration, manual constraints and the batch {@link
 * org.familyview.matching.Linker}. The matcher is a plain library; it knows nothing of Spring, JPA
 * or Elasticsearch.
 */
@org.jspecify.annotations.NullMarked
package org.familyview.matching;
