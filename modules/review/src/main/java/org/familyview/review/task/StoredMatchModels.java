package org.familyview.review.task;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import org.familyview.matching.estimate.ModelParameters;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The models the nightly run trained and kept in {@code match_model} (V13): the task's own version
 * if it is there, else the newest. A database without the table (the pipeline not installed) has no
 * model, and the task page says so.
 */
@Component("workbench.storedMatchModels")
class StoredMatchModels implements MatchModelSource {

  private final JdbcClient jdbc;

  StoredMatchModels(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<ModelParameters> model(@Nullable String version) {
    // A failed statement would abort the caller's transaction, so look before querying.
    boolean present =
        jdbc.sql("select to_regclass('match_model') is not null").query(Boolean.class).single();
    if (!present) {
      return Optional.empty();
    }
    try {
      Optional<String> text =
          version == null
              ? Optional.empty()
              : jdbc.sql(
                      "select parameters from match_model where version = ? order by id desc limit 1")
                  .param(version)
                  .query(String.class)
                  .optional();
      if (text.isEmpty()) {
        text =
            jdbc.sql("select parameters from match_model order by id desc limit 1")
                .query(String.class)
                .optional();
      }
      return text.map(StoredMatchModels::read);
    } catch (DataAccessException noModels) {
      return Optional.empty();
    }
  }

  private static ModelParameters read(String text) {
    try {
      return ModelParameters.read(new StringReader(text));
    } catch (IOException e) {
      throw new IllegalStateException("a stored matching model cannot be read", e);
    }
  }
}
