package org.familyview.audit.verify;

import java.io.PrintStream;
import java.util.Map;

/** Lets tests in other packages run the command without exiting the JVM. */
public final class AuditVerifyCommandAccess {

  private AuditVerifyCommandAccess() {}

  public static int run(Map<String, String> env, PrintStream out, PrintStream err) {
    return AuditVerifyCommand.run(env, out, err);
  }
}
