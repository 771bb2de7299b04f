package org.familyview.casefile.web;

import java.sql.Timestamp;
import org.familyview.portal.home.HomePanel;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.portal.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A data steward's home: how many review tasks wait and since when (table review_task, owned by the
 * review module and only counted here).
 */
@Component
class StewardHome implements HomePanel {

  private final JdbcClient jdbc;

  StewardHome(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public @Nullable String fill(CurrentUser user, Model model) {
    if (!user.has(Role.DATA_STEWARD)) {
      return null;
    }
    jdbc.sql(
            "select count(*), min(raised_at) from review_task"
                + " where status in ('OPEN', 'AWAITING_APPROVAL')")
        .query(
            rs -> {
              model.addAttribute("queueSize", rs.getInt(1));
              Timestamp oldest = rs.getTimestamp(2);
              model.addAttribute("oldestTask", oldest == null ? null : oldest.toInstant());
            });
    return "casefile/home-panels :: steward";
  }
}
