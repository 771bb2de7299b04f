package org.familyview.ingest.extract;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.familyview.ingest.IngestProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the files of extracts that finished longer ago than {@link
 * DeliveredFilesProperties#keptFor()}: the extract store's folder and the drop folder's processed
 * copies. The database keeps what the partner needs afterwards (counts, rejects and warnings by
 * line and field), so nothing the portal shows depends on the files once a load has finished; and
 * retention erasure of a record would be hollow while the delivered file still held it.
 */
@Component
public class DeliveredFilesSweep {

  private static final Logger log = LoggerFactory.getLogger(DeliveredFilesSweep.class);

  private final Path extractsDir;
  private final Path inboxDir;
  private final Duration keptFor;
  private final Function<Instant, List<UUID>> finishedBefore;
  private final Clock clock;

  @Autowired
  public DeliveredFilesSweep(
      IngestProperties ingest, DeliveredFilesProperties properties, JdbcClient jdbc) {
    this(
        ingest.extractsDir(),
        ingest.inboxDir(),
        properties.keptFor(),
        cutoff ->
            jdbc.sql(
                    "select id from extract where finished_at is not null and finished_at < ?"
                        + " and status <> 'HELD'")
                .param(Timestamp.from(cutoff))
                .query(UUID.class)
                .list(),
        Clock.systemUTC());
  }

  DeliveredFilesSweep(
      Path extractsDir,
      Path inboxDir,
      Duration keptFor,
      Function<Instant, List<UUID>> finishedBefore,
      Clock clock) {
    this.extractsDir = extractsDir;
    this.inboxDir = inboxDir;
    this.keptFor = keptFor;
    this.finishedBefore = finishedBefore;
    this.clock = clock;
  }

  @Scheduled(
      cron = "${familyview.ingest.delivered-files.sweep-cron:0 45 3 * * *}",
      zone = "Europe/London")
  public void scheduled() {
    try {
      int deleted = sweep();
      log.info("Delivered files sweep: files of {} finished extracts deleted", deleted);
    } catch (IOException | RuntimeException e) {
      // Logged without paths' contents; the next night tries again.
      log.warn("Delivered files sweep failed: {}", e.toString());
    }
  }

  /**
   * Every partner's drop folder, configured now or not: a partner taken out of the configuration
   * still has its processed copies deleted on time.
   */
  private List<Path> dropFolders() throws IOException {
    if (!Files.isDirectory(inboxDir, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> folders = Files.list(inboxDir)) {
      return folders.filter(f -> Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)).toList();
    }
  }

  /** Deletes what is past its time; returns how many extracts had files deleted. */
  public int sweep() throws IOException {
    Instant cutoff = clock.instant().minus(keptFor);
    int extracts = 0;
    for (UUID id : finishedBefore.apply(cutoff)) {
      boolean any = deleteTree(extractsDir.resolve(id.toString()));
      for (Path folder : dropFolders()) {
        Path processed = folder.resolve("processed");
        if (!Files.isDirectory(processed, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        // The drop folder names its processed copies {extractId}-{file name}.
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(processed, id + "-*")) {
          for (Path copy : copies) {
            any |= Files.deleteIfExists(copy);
          }
        }
      }
      if (any) {
        extracts++;
      }
    }
    return extracts;
  }

  private static boolean deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    Files.walkFileTree(
        folder,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
    return true;
  }
}
