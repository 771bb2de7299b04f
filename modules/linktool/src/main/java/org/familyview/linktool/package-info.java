/**
 * The offline link command and the benchmark command: same engine and configuration as the nightly
 * run.
 */
@org.jspecify.annotations.NullMarked
package org.familyview.linktool;
