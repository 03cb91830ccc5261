package dev.gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publisher's commands on the command line: {@code init} and {@code new record}. */
class NewCommandTest {
  @Test
  void helpListsThem() {
    Cli.Run help = Cli.run("--help");
    assertEquals(ExitCodes.OK, help.exit());
    assertTrue(help.out().contains("init") && help.out().contains("new"), help.out());
    Cli.Run record = Cli.run("new", "record", "--help");
    assertEquals(ExitCodes.OK, record.exit());
    assertTrue(record.out().contains("--title") && record.out().contains("--date"), record.out());
  }

  @Test
  void newNeedsAKindAndRecordNeedsAnItem() {
    assertEquals(ExitCodes.USAGE, Cli.run("new").exit());
    assertEquals(ExitCodes.USAGE, Cli.run("new", "page").exit());
    assertEquals(ExitCodes.USAGE, Cli.run("new", "record", "--title", "x").exit());
  }

  @Test
  void missingSourceIsAUsageError(@TempDir Path tmp) {
    Cli.Run r = Cli.run("new", "record", "aqsc-01-01", "--title", "x", "-s", tmp.resolve("nope").toString());
    assertEquals(ExitCodes.USAGE, r.exit());
    assertTrue(r.err().contains("no such folder"), r.err());
  }

  @Test
  void withoutDateTheRecordIsDatedTodayInChina(@TempDir Path tmp) throws IOException {
    Path site = tmp.resolve("s");
    assertEquals(ExitCodes.OK, Cli.run("init", site.toString(), "--code", "015583216").exit());
    LocalDate before = LocalDate.now(NewRecordCommand.CHINA);
    Cli.Run r = Cli.run("new", "record", "aqsc-01-01", "--title", "今天的通知", "-s", site.toString());
    LocalDate after = LocalDate.now(NewRecordCommand.CHINA);
    assertEquals(ExitCodes.OK, r.exit(), r.err());
    String file = Files.readString(site.resolve("catalogue/records/aqsc/aqsc-01-01.csv"));
    boolean dated = file.contains("," + before + "," + before + ",") || file.contains("," + after + "," + after + ",");
    assertTrue(dated, file);
    assertTrue(r.out().startsWith("015583216/" + before.getYear() + "-00001 ")
        || r.out().startsWith("015583216/" + after.getYear() + "-00001 "), r.out());
  }
}
