package org.familyview.audit.read;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.familyview.audit.trail.AuditEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
public class AuditReader {

  public static final int MAX_PAGE_SIZE = 500;

  private final JdbcClient jdbc;

  public AuditReader(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<AuditEntry> find(AuditFilter filter, int page, int size) {
    return find(filter, AuditScope.EVERYTHING, page, size);
  }

  /** The entries that match the filter within the auditor's scope, newest first. */
  public List<AuditEntry> find(AuditFilter filter, AuditScope scope, int page, int size) {
    StringBuilder sql =
        new StringBuilder(
            """
            select seq, recorded_at, actor, actor_roles, action, outcome, target_type, target_id,
                   purpose, detail, source, previous_hash, hash
            from audit_entry e where true
            """);
    List<Object> params = new ArrayList<>();
    sql.append(scope.condition("e"));
    params.addAll(scope.parameters());
    if (filter.personId() != null) {
      sql.append(" and target_type = 'person' and target_id = ?");
      params.add(filter.personId());
    }
    if (filter.familyId() != null) {
      sql.append(" and target_type = 'family' and target_id = ?");
      params.add(filter.familyId());
    }
    if (filter.user() != null) {
      sql.append(" and actor = ?");
      params.add(filter.user());
    }
    if (filter.from() != null) {
      sql.append(" and recorded_at >= ?");
      params.add(Timestamp.from(filter.from()));
    }
    if (filter.to() != null) {
      sql.append(" and recorded_at < ?");
      params.add(Timestamp.from(filter.to()));
    }
    int limit = Math.clamp(size, 1, MAX_PAGE_SIZE);
    sql.append(" order by seq desc limit ? offset ?");
    params.add(limit);
    params.add((long) Math.max(page, 0) * limit);
    return jdbc.sql(sql.toString()).params(params).query((rs, n) -> AuditEntry.from(rs)).list();
  }
}
