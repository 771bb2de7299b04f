package org.familyview.portal.errors;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before any servlet sees them (a NUL byte or an encoded slash in the path,
 * a request line or header too large) are answered by the host's error report valve. Its own page
 * is bare HTML naming the server; this valve writes the portal's problem detail or GOV.UK page
 * instead, and replaces every other error report valve on the host.
 */
@Component
class ContainerErrors
    implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          Container host = context.getParent();
          Pipeline pipeline = host.getPipeline();
          for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve) {
              pipeline.removeValve(valve);
            }
          }
          pipeline.addValve(new PortalErrorValve());
          if (host instanceof StandardHost standard) {
            standard.setErrorReportValveClass(PortalErrorValve.class.getName());
          }
        });
  }

  /** After Spring Boot's own customiser, which adds its error report valve to the host. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** The error report valve of the portal's host. Public: Tomcat may instantiate it by name. */
  public static class PortalErrorValve extends ErrorReportValve {

    public PortalErrorValve() {
      setShowReport(false);
      setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      ErrorResponses.Problem problem = ErrorResponses.Problem.of(status);
      boolean json = ErrorResponses.wantsJson(request);
      try {
        response.setContentType(
            json ? "application/problem+json;charset=utf-8" : "text/html;charset=utf-8");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(json ? ErrorResponses.json(problem) : ErrorResponses.page(problem));
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // The client has gone or the response was committed meanwhile: nothing left to tell.
      }
    }
  }
}
