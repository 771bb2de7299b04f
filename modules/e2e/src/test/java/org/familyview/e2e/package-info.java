/**
 * Full-stack tests: the packaged application as a process on its own port, the real services the
 * launcher started, and Debian's Chromium driven headless through Selenium.
 */
@NullMarked
package org.familyview.e2e;

import org.jspecify.annotations.NullMarked;
