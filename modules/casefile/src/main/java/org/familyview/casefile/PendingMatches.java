package org.familyview.casefile;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a data steward has yet to decide if another record is this person: the open
 * possible-match tasks naming the person (table review_task, owned by the review module and only
 * read here), so that a page can say so instead of showing two people as if they were settled.
 */
@Component
public class PendingMatches {

  private final JdbcClient jdbc;

  public PendingMatches(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The ids of open possible-match tasks naming this person, oldest first. */
  public List<String> of(String personId) {
    return jdbc.sql(
            """
            select id::text from review_task
            where kind = 'POSSIBLE_MATCH' and status in ('OPEN', 'AWAITING_APPROVAL')
              and ? = any(person_ids)
            order by raised_at
            """)
        .param(personId)
        .query(String.class)
        .list();
  }

  /**
   * Which of these people an open possible-match task names: one query for a whole list of search
   * results or family members, so each can carry the hint without a query per row.
   */
  public Set<String> among(Collection<String> personIds) {
    if (personIds.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(
        jdbc.sql(
                """
                select distinct p from review_task, unnest(person_ids) p
                where kind = 'POSSIBLE_MATCH' and status in ('OPEN', 'AWAITING_APPROVAL')
                  and person_ids && ?::text[] and p = any(?::text[])
                """)
            .param(personIds.toArray(String[]::new))
            .param(personIds.toArray(String[]::new))
            .query(String.class)
            .list());
  }
}
