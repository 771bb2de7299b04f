package org.familyview.portal.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * PostgreSQL down is a 503 that says so, within the connection pool's timeout (a few seconds,
 * {@code spring.datasource.hikari.connection-timeout}), not a request that hangs for half a minute
 * and then fails with a servlet error. Nothing to recover by hand: the pool reconnects by itself.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailable {

  static final String DETAIL =
      "FamilyView cannot reach its database just now. Try again in a few minutes; nothing you"
          + " did was lost.";

  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    CannotCreateTransactionException.class
  })
  void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
    write(request, response);
  }

  /**
   * Whether a connection to the database could not be had (SQL state class 08, pool timeout), for
   * failures that reach the container's error page without passing a handler.
   */
  static boolean causedBy(@Nullable Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }

  static void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
    ErrorResponses.write(request, response, ErrorResponses.Problem.of(503).withDetail(DETAIL));
  }
}
