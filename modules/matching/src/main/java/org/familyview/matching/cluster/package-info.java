/**
 * Groups linked records into people while honouring cannot-links, cutting weak bridges and capping
 * cluster size.
 */
@org.jspecify.annotations.NullMarked
package org.familyview.matching.cluster;
