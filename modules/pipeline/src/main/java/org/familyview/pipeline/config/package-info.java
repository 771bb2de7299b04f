/**
 * The matcher configured once: {@code familyview.matching.*} bound and validated at start-up, and
 * mapped to the matching library's plain {@link org.familyview.matching.MatchingConfig} bean.
 */
@org.jspecify.annotations.NullMarked
package org.familyview.pipeline.config;
