package org.familyview.audit.verify;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.familyview.audit.anchor.Anchor;
import org.familyview.audit.anchor.AnchorLog;
import org.familyview.audit.trail.ChainKey;

/**
 * {@code ./familyview audit verify}: connects with the application's own FV_DB_* settings, keys the
 * chain with FV_AUDIT_KEY, reads the anchors from FV_AUDIT_ANCHOR_FILE (default {@code
 * $FV_VAR_DIR/audit/anchors.log}) and walks the chain. Exit 0 when intact, 1 when broken (or an
 * anchor is not genuine), 2 when it cannot check.
 */
public final class AuditVerifyCommand {

  private AuditVerifyCommand() {}

  public static void main(String[] args) {
    System.exit(run(System.getenv(), System.out, System.err));
  }

  /** Where the anchors are, as {@code familyview-audit-chain.properties} says for the app. */
  static Path anchorFile(Map<String, String> env) {
    String explicit = env.get("FV_AUDIT_ANCHOR_FILE");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    return Path.of(env.getOrDefault("FV_VAR_DIR", "var"), "audit", "anchors.log");
  }

  static int run(Map<String, String> env, PrintStream out, PrintStream err) {
    String url = env.getOrDefault("FV_DB_URL", "jdbc:postgresql://localhost:5432/familyview");
    ChainKey key;
    try {
      key = ChainKey.of(env.get("FV_AUDIT_KEY"));
    } catch (IllegalArgumentException e) {
      err.printf("Cannot verify the audit chain: %s%n", e.getMessage());
      return 2;
    }
    AnchorLog anchorLog = new AnchorLog(anchorFile(env), key);
    try (Connection connection =
        DriverManager.getConnection(
            url,
            env.getOrDefault("FV_DB_USER", "familyview"),
            env.getOrDefault("FV_DB_PASSWORD", ""))) {
      List<Anchor> anchors = anchorLog.read(schemaOf(connection));
      return switch (AuditChainVerifier.verify(connection, key, anchors)) {
        case ChainVerification.Intact intact -> {
          out.printf("Audit chain intact: %d entries; head %s%n", intact.entries(), intact.head());
          out.printf("Anchors: %d checked (%s)%n", anchors.size(), anchorLog.file());
          yield 0;
        }
        case ChainVerification.Broken broken -> {
          out.printf("Audit chain BROKEN at entry %d: %s%n", broken.seq(), broken.reason());
          yield 1;
        }
      };
    } catch (AnchorLog.AnchorLogException e) {
      out.printf("Audit anchors BROKEN: %s%n", e.getMessage());
      return 1;
    } catch (IOException e) {
      err.printf("Cannot read the audit anchors: %s%n", e.getMessage());
      return 2;
    } catch (SQLException e) {
      err.printf("Cannot verify the audit chain: %s (database %s)%n", e.getMessage(), url);
      return 2;
    }
  }

  private static String schemaOf(Connection connection) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("select current_schema()");
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getString(1);
    }
  }
}
