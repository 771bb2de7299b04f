package org.familyview.audit.trail;

import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the application's database login could rewrite the audit trail: when it
 * owns {@code audit_entry} (or acts as its owner) or holds UPDATE, DELETE, TRUNCATE or TRIGGER on
 * it. Migration V19 hands the table to the role {@code familyview_audit}; this makes a deployment
 * that skipped that step fail loudly instead of running with a trail its own login can switch off.
 * Runs after every singleton, so after Flyway.
 */
@Component
class AuditPrivilegesGuard implements SmartInitializingSingleton {

  private final JdbcClient jdbc;

  AuditPrivilegesGuard(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<String> held =
        jdbc.sql(
                """
                select p from unnest(array['UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER']) p
                where has_table_privilege('audit_entry', p)
                union all
                select 'OWNER' from pg_class c
                where c.oid = 'audit_entry'::regclass and pg_has_role(c.relowner, 'USAGE')
                """)
            .query(String.class)
            .list();
    if (!held.isEmpty()) {
      throw new IllegalStateException(
          "the application's database role can rewrite the audit trail (it holds "
              + String.join(", ", held)
              + " on audit_entry): the audit tables must belong to familyview_audit (migration"
              + " V19, config/postgres/database.sql, docs/access-model.md)");
    }
  }
}
