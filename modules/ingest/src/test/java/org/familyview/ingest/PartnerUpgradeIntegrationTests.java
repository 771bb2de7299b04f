package org.familyview.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.familyview.extracts.PartnerId;
import org.familyview.extracts.Partners;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Upgrade in place (issue 16): a database of version 1, whose extracts could only be of the four
 * agencies, migrates with every row kept and every row one of the default configuration's partners;
 * afterwards a partner that exists only in configuration may deliver. A schema of its own, emptied
 * first, on the real PostgreSQL.
 */
class PartnerUpgradeIntegrationTests {

  private static final String SCHEMA = "partners_upgrade_it";
  private static final String URL =
      System.getenv().getOrDefault("FV_DB_URL", "jdbc:postgresql://localhost:5432/familyview");
  private static final String USER = System.getenv().getOrDefault("FV_DB_USER", "familyview");
  private static final String PASSWORD =
      System.getenv().getOrDefault("FV_DB_PASSWORD", "familyview");

  @Test
  void aVersionOneDatabaseKeepsEveryRowAndAcceptsConfiguredPartners() throws Exception {
    try (Connection db = DriverManager.getConnection(URL, USER, PASSWORD)) {
      execute(db, "drop schema if exists " + SCHEMA + " cascade");
      flyway("20").migrate();
      for (PartnerId agency : PartnerId.V1) {
        UUID extract = insertExtract(db, agency.stored());
        insertPerson(db, agency.stored(), "R-" + agency.code(), extract);
      }
      assertThatThrownBy(() -> insertExtract(db, "HEALTH-SOUTH"))
          .as("version 1 knew four agencies only")
          .isInstanceOf(SQLException.class);

      flyway(null).migrate();

      List<String> extracts = column(db, "select agency from extract order by agency");
      List<String> persons = column(db, "select agency || '/' || record_id from source_person");
      assertThat(extracts).containsExactly("COUNCIL", "EDUCATION", "HEALTH", "POLICE");
      assertThat(persons)
          .containsExactlyInAnyOrder(
              "POLICE/R-police", "HEALTH/R-health", "COUNCIL/R-council", "EDUCATION/R-education");
      Partners shipped = Partners.load(Path.of("..", "..", "config", "partners"));
      assertThat(extracts)
          .allSatisfy(a -> assertThat(shipped.find(PartnerId.fromStored(a))).isPresent());

      insertExtract(db, "HEALTH-SOUTH");
      insertExtract(db, "HOUSING-NORTH");
      assertThatThrownBy(() -> insertExtract(db, "health-south"))
          .as("ids are stored upper case, as version 1 stored its enum names")
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> insertExtract(db, "POLICE; SELECT 1"))
          .isInstanceOf(SQLException.class);
    }
  }

  private static Flyway flyway(String target) {
    var configuration =
        Flyway.configure()
            .dataSource(URL, USER, PASSWORD)
            .schemas(SCHEMA)
            .defaultSchema(SCHEMA)
            .createSchemas(true)
            .locations("classpath:db/migration");
    if (target != null) {
      configuration.target(target);
    }
    return configuration.load();
  }

  private static UUID insertExtract(Connection db, String agency) throws SQLException {
    UUID id = UUID.randomUUID();
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into "
                + SCHEMA
                + ".extract (id, agency, status, source, uploaded_by, persons_file, received_at)"
                + " values (?, ?, 'COMPLETED', 'UPLOAD', 'test', 'persons.csv', now())")) {
      insert.setObject(1, id);
      insert.setString(2, agency);
      insert.executeUpdate();
    }
    return id;
  }

  private static void insertPerson(Connection db, String agency, String recordId, UUID extract)
      throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into "
                + SCHEMA
                + ".source_person (agency, record_id, content_hash, current, needs_matching,"
                + " extract_id, source_file, source_line, loaded_at, first_extract_id)"
                + " values (?, ?, repeat('0', 32), true, true, ?, 'persons.csv', 2, now(), ?)")) {
      insert.setString(1, agency);
      insert.setString(2, recordId);
      insert.setObject(3, extract);
      insert.setObject(4, extract);
      insert.executeUpdate();
    }
  }

  private static List<String> column(Connection db, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = db.createStatement()) {
      statement.execute("set search_path to " + SCHEMA);
      try (ResultSet rows = statement.executeQuery(sql)) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
    }
    return values;
  }

  private static void execute(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement()) {
      statement.execute(sql);
    }
  }
}
