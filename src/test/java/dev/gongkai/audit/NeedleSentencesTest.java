package dev.gongkai.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.diag.Location;
import dev.gongkai.model.Disclosure;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.Validity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The withheld bodies' sentences the audit keeps between builds: only the sentences candidates can be taken from are
 * kept, the needles are those of the whole body, and a kept body is not rendered again.
 */
class NeedleSentencesTest {
  private static final String NO = "530100/2024-00099";
  private static final String TITLE = "青龙峡尾矿库闭库隐患核查内部纪要第九号";
  private static final String DOC_NO = "金应急密〔2024〕99号";

  private static DisclosureRecord withheld(String markdown) {
    return new DisclosureRecord(NO, DisclosureRecord.slugOf(NO), TITLE, "金丝县应急管理局", LocalDate.parse("2024-03-01"),
        LocalDate.parse("2024-03-02"), DOC_NO, "", Validity.VALID, Disclosure.WITHHELD, "", "aqsc-01-01", markdown, null,
        List.of(), "", "", Location.file("catalogue/records/r.csv"));
  }

  /** {@code n} distinct sentences long enough to be needles, each its own paragraph. */
  private static List<String> sentences(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) out.add("核查组第" + i + "次进入坝体发现排洪隧洞第" + i + "处渗漏点");
    return out;
  }

  private static String markdown(List<String> paragraphs) {
    return String.join("\n\n", paragraphs) + "\n";
  }

  @Test
  void theLeadingSentencesGiveTheNeedlesOfTheWholeBody() {
    // The body opens with the four texts that are needles already (title, index number, its URL form, 文号), then
    // repeats and short lines, then more sentences than the audit takes: the fourth of them cannot be spared.
    List<String> opening = new ArrayList<>(List.of(TITLE, NO, DisclosureRecord.slugOf(NO), DOC_NO, "短句", TITLE));
    for (int n : new int[] {0, 5, 9, 10, 13, 14, 20, 40}) {
      List<String> paragraphs = new ArrayList<>(opening);
      List<String> body = sentences(n);
      for (int i = 0; i < body.size(); i++) {
        paragraphs.add(body.get(i));
        if (i % 3 == 0) paragraphs.add(body.get(i)); // a repeat takes no place
      }
      DisclosureRecord r = withheld(markdown(paragraphs));
      List<String> all = LeakNeedles.sentences(r.markdown());
      List<String> leading = LeakNeedles.leading(all);
      assertEquals(LeakNeedles.candidates(r, all), LeakNeedles.candidates(r, leading), "body of " + n + " sentences");
      assertEquals(LeakNeedles.candidates(r, all), LeakNeedles.candidates(r), "body of " + n + " sentences");
      long bodyNeedles = LeakNeedles.candidates(r).stream().filter(x -> x.kind() == LeakNeedles.Kind.BODY).count();
      assertEquals(Math.min(n, LeakNeedles.BODY_CANDIDATES), bodyNeedles, "body of " + n + " sentences");
      if (n >= 20) assertTrue(leading.size() < all.size(), "a long body is not kept whole");
    }
  }

  @Test
  void keptSentencesAreUsedInsteadOfRenderingAndSurviveTheCacheFile(@TempDir Path tmp) throws IOException {
    DisclosureRecord r = withheld(markdown(sentences(20)));
    LeakNeedles.Candidates first = LeakNeedles.candidates(List.of(r), Map.of());
    assertEquals(LeakNeedles.candidates(List.of(r)), first.needles());
    NeedleMemo.Hash h = NeedleMemo.Hash.of(r.markdown());
    assertEquals(LeakNeedles.leading(LeakNeedles.sentences(r.markdown())), first.sentences().get(h));

    // Given back, they give the same needles; what is given is what is used (a planted sentence proves no rendering).
    assertEquals(first.needles(), LeakNeedles.candidates(List.of(r), first.sentences()).needles());
    String planted = "这是缓存中植入的句子用于确认不再渲染正文";
    List<String> bodies = LeakNeedles.candidates(List.of(r), Map.of(h, List.of(planted))).needles().stream()
        .filter(x -> x.kind() == LeakNeedles.Kind.BODY).map(LeakNeedles.Needle::text).toList();
    assertEquals(List.of(planted), bodies);

    // Kept in the memo file with the rest of the memo; a body over 64 KB too.
    String huge = "长".repeat(70_000);
    NeedleMemo memo = NeedleMemo.empty().withSentences(Map.of(h, first.sentences().get(h),
        NeedleMemo.Hash.of(huge), List.of(huge)));
    memo.write(tmp.resolve("memo.bin"));
    NeedleMemo back = NeedleMemo.read(tmp.resolve("memo.bin")).orElseThrow();
    assertEquals(memo.sentences(), back.sentences());
  }

  @Test
  void thePlanKeepsTheSentencesOfTheRecordsItWithholds() throws IOException {
    DisclosureRecord r = withheld(markdown(sentences(3)));
    LeakNeedles.Candidates c = LeakNeedles.candidates(List.of(r), Map.of());
    LeakNeedles.Distinct d = LeakNeedles.distinctive(c.needles(), List.of("公开的正文。"), NeedleMemo.empty());
    NeedleMemo next = LeakNeedles.distinctive(c, List.of(PublicText.of("公开的正文。")), NeedleMemo.empty()).memo();
    assertEquals(Map.of(NeedleMemo.Hash.of(r.markdown()), sentences(3)), next.sentences());
    assertEquals(d.memo().witnesses(), next.witnesses());
    assertTrue(next.isFor(NeedleMemo.digest(c.needles().stream().map(LeakNeedles.Needle::normalized).toList())));
  }
}
