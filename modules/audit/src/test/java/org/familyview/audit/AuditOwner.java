package org.familyview.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * A connection as the audit tables' owner, familyview_audit, for tests that play a DBA (or an
 * attacker holding the owner's login): the launcher keeps its password in
 * var/secrets/db-audit-owner-password and never passes it to the application.
 */
public final class AuditOwner {

  private AuditOwner() {}

  public static Connection connect() throws Exception {
    Path password =
        Path.of(
            System.getenv().getOrDefault("FV_VAR_DIR", "var"),
            "secrets",
            "db-audit-owner-password");
    return DriverManager.getConnection(
        System.getenv().getOrDefault("FV_DB_URL", "jdbc:postgresql://localhost:5432/familyview"),
        "familyview_audit",
        Files.readString(password).strip());
  }
}
