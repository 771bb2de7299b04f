/**
 * Test support shared by the integration tests of several modules: real tokens from the real
 * Keycloak that {@code ./familyview test} starts, and the packaged application as a child process.
 * Test scope only.
 */
@NullMarked
package org.familyview.testsupport;

import org.jspecify.annotations.NullMarked;
