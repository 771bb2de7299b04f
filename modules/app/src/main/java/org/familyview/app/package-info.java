/**
 * The one Spring Boot application: it assembles the portal, the store, the batch jobs and the
 * search index into a runnable service, and owns nothing of the domain itself.
 */
@NullMarked
package org.familyview.app;

import org.jspecify.annotations.NullMarked;
