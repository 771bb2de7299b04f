package org.familyview.audit.verify;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * {@code ./familyview audit verify}: connects with the application's own FV_DB_* settings and walks
 * the chain. Exit 0 when intact, 1 when broken, 2 when it cannot check.
 */
public final class AuditVerifyCommand {

  private AuditVerifyCommand() {}

  public static void main(String[] args) {
    System.exit(run(System.getenv(), System.out, System.err));
  }

  static int run(Map<String, String> env, PrintStream out, PrintStream err) {
    String url = env.getOrDefault("FV_DB_URL", "jdbc:postgresql://localhost:5432/familyview");
    try (Connection connection =
        DriverManager.getConnection(
            url,
            env.getOrDefault("FV_DB_USER", "familyview"),
            env.getOrDefault("FV_DB_PASSWORD", ""))) {
      return switch (AuditChainVerifier.verify(connection)) {
        case ChainVerification.Intact intact -> {
          out.printf("Audit chain intact: %d entries; head %s%n", intact.entries(), intact.head());
          yield 0;
        }
        case ChainVerification.Broken broken -> {
          out.printf("Audit chain BROKEN at entry %d: %s%n", broken.seq(), broken.reason());
          yield 1;
        }
      };
    } catch (SQLException e) {
      err.printf("Cannot verify the audit chain: %s (database %s)%n", e.getMessage(), url);
      return 2;
    }
  }
}
