import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Writes a synthetic gongkai site of N disclosure records, for benchmarks.
 *
 * <pre>java bench/SyntheticSite.java N OUTDIR [--seed S]</pre>
 *
 * <p>Output: {@code OUTDIR/catalogue/site.json}, {@code catalogue.csv} (a copy of the repository's
 * {@code catalogue/catalogue.csv} when there is one next to {@code bench/}, else a built-in 48-item catalogue),
 * {@code records/<item>.csv} (one file per catalogue item), three datasets under {@code datasets/} and a few pages
 * under {@code OUTDIR/content/}. Everything is valid input: unique index numbers, 发布日期 1–20 days after 成文日期,
 * dates 2020-01-01…2026-10-31, no unmasked personal data (no digit run longer than 9 digits anywhere).
 *
 * <p>Deterministic: the same N and seed give the same bytes (java.util.Random, no clock, no hash-order iteration).
 * No dependencies; Java 17 single-file source launch.
 */
public final class SyntheticSite {
  static final String AGENCY = "示例县应急管理局";
  static final String ORG_CODE = "015583216";
  static final LocalDate FIRST = LocalDate.of(2020, 1, 1);
  /** Last 成文日期, so that 发布日期 (≤ 20 days later) stays within 2026 and before the end of October. */
  static final LocalDate LAST_WRITTEN = LocalDate.of(2026, 10, 11);

  static final String[] RECORD_HEADER =
      {"索引号", "标题", "发布机构", "成文日期", "发布日期", "文号", "主题分类", "有效性", "公开属性", "公开范围", "正文"};

  // ---------------------------------------------------------------------------------------------- vocabulary
  static final String[] TOWNS = {"城关镇", "龙泉镇", "青山乡", "石门镇", "白沙乡", "红旗乡", "新安镇", "河口镇", "马街镇",
      "松林乡", "太平镇", "双河乡", "凤凰街道", "金沙乡", "云岭镇", "大营镇"};
  static final String[] TOPICS = {"安全生产", "防汛抗旱", "森林防火", "危险化学品", "应急预案", "隐患排查", "地质灾害防治",
      "自然灾害救助", "消防安全", "烟花爆竹", "非煤矿山", "工贸行业", "道路交通安全", "应急物资储备", "应急避难场所",
      "汛期安全", "防灾减灾", "有限空间作业", "城镇燃气", "应急救援队伍建设"};
  /** Document types that fit the generic title patterns (决定书 is used by penalty and enforcement titles). */
  static final String[] PLAN_TYPES = {"通知", "意见", "办法", "方案"};
  static final String[] SITUATION_TYPES = {"报告", "通报", "公告"};
  static final String[] VERBS = {"做好", "加强", "开展", "印发", "进一步加强", "深入推进", "扎实做好", "组织开展"};
  static final String[] WORKS = {"工作", "专项整治", "大检查", "专项行动", "宣传教育", "应急演练", "督导检查", "集中整治"};
  static final String[] SUBJECTS = {"安全生产监管", "防灾减灾", "应急救援", "综合政务", "自然灾害救助", "森林草原防灭火",
      "危险化学品监管", "执法监督"};
  static final String[] AGENCIES = {"示例县安全生产委员会办公室", "示例县减灾委员会办公室", "示例县防汛抗旱指挥部办公室",
      "示例县森林草原防灭火指挥部办公室"};
  static final String[] COMPANY_KINDS = {"建材有限公司", "矿业有限公司", "化工有限公司", "商贸有限责任公司", "烟花爆竹经营部",
      "砂石料场", "加油站", "木材加工厂", "混凝土有限公司", "物流有限公司"};
  static final String[] COMPANY_NAMES = {"鑫源", "宏达", "永安", "顺发", "金鼎", "兴隆", "瑞丰", "恒通", "万利", "腾飞",
      "华信", "利民", "昌盛", "泰和"};
  static final String[] VIOLATIONS = {"未按规定开展安全生产教育和培训", "未建立事故隐患排查治理制度", "特种作业人员未持证上岗",
      "未按规定制定生产安全事故应急救援预案", "危险化学品储存不符合规定", "未采取措施消除事故隐患",
      "安全设备未经常性维护保养", "未如实记录安全生产教育和培训情况"};
  static final String[] DISASTERS = {"暴雨", "洪涝", "干旱", "冰雹", "大风", "地震", "滑坡", "泥石流", "低温冰冻", "森林火灾"};
  static final String[] LAWS = {"中华人民共和国安全生产法", "中华人民共和国突发事件应对法", "中华人民共和国消防法",
      "中华人民共和国防洪法", "中华人民共和国森林法", "中华人民共和国矿山安全法", "中华人民共和国防震减灾法",
      "自然灾害救助条例", "生产安全事故应急条例", "危险化学品安全管理条例", "烟花爆竹安全管理条例"};
  static final String[] RULES = {"生产安全事故应急预案管理办法", "安全生产违法行为行政处罚办法", "生产经营单位安全培训规定",
      "特种作业人员安全技术培训考核管理规定", "工贸企业有限空间作业安全规定", "应急管理行政执法人员依法履职管理规定",
      "危险化学品经营许可证管理办法", "烟花爆竹经营许可实施办法"};
  static final String[] STANDARDS = {"GB 30871-2022《危险化学品企业特殊作业安全规范》", "GB 18218-2018《危险化学品重大危险源辨识》",
      "GB/T 29639-2020《生产经营单位生产安全事故应急预案编制导则》", "AQ 3013-2008《危险化学品从业单位安全标准化通用规范》",
      "GB 6722-2014《爆破安全规程》", "GB/T 33000-2016《企业安全生产标准化基本规范》"};
  static final String[] CHINESE_NUM = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  static final String[] HEADINGS = {"总体要求", "工作目标", "主要任务", "工作措施", "保障措施", "职责分工", "时间安排",
      "工作要求", "检查情况", "存在问题", "整改措施", "下一步工作"};
  static final String[] SENTENCES = {
      "为深入贯彻落实党中央、国务院关于{topic}工作的决策部署，切实防范化解重大安全风险，结合我县实际，制定本{doc}。",
      "各乡（镇）人民政府、县直有关部门要充分认识做好{topic}工作的重要性和紧迫性，切实把思想和行动统一到上级决策部署上来。",
      "坚持人民至上、生命至上，坚持安全第一、预防为主、综合治理，统筹发展和安全，有效遏制各类事故发生。",
      "{year}年以来，全县共排查各类生产经营单位{n}家，发现一般事故隐患{m}处，已整改{k}处，整改率持续提升。",
      "{town}要组织力量对辖区内重点区域、重点部位开展拉网式排查，做到横向到边、纵向到底，不留死角、不留盲区。",
      "严格落实24小时值班和领导带班制度，确保信息畅通，遇有突发情况及时处置并按规定报告。",
      "各有关单位要加强对{topic}风险的监测预警，及时发布预警信息，提前转移受威胁群众，确保人员安全。",
      "对检查中发现的问题，要建立问题清单、整改清单和责任清单，明确整改时限和责任人，实行闭环管理。",
      "加大执法检查力度，对非法违法生产经营建设行为依法予以查处，对拒不整改的依法依规从严处理。",
      "要充分利用广播、电视、网站、微信公众号等多种渠道，广泛开展{topic}宣传教育，提高群众的安全意识和自救互救能力。",
      "县应急管理局将会同有关部门适时开展督导检查，对工作不力、措施不实的单位予以通报批评。",
      "本次检查共出动检查人员{n}人次，检查企业{m}家，下达执法文书{k}份，责令停产整顿{j}家。",
      "全县现有应急避难场所{n}个，可容纳避险人员约{m}人，储备帐篷{k}顶、折叠床{j}张。",
      "截至{month}月底，全县共投入{topic}专项资金{money}万元，完成年度计划的{pct}%。",
      "受强降雨影响，{town}部分村组出现{disaster}灾害，造成{n}户群众受灾，紧急转移安置{m}人，暂无人员伤亡报告。",
      "各乡（镇）要按照“分级负责、属地管理”的原则，认真做好受灾群众基本生活保障工作，确保有饭吃、有衣穿、有干净水喝、有临时安全住所、有病能及时就医。",
      "森林防火期内，严禁在林区野外用火，对违规用火行为一经发现，依法从重处罚。",
      "危险化学品生产、储存、使用、经营单位要严格落实主体责任，加强重大危险源管控，规范特殊作业审批。",
      "要进一步修订完善应急预案，加强应急队伍建设和应急物资储备，每年至少组织开展一次综合应急演练。",
      "举报电话：12350。欢迎社会各界对安全生产违法行为进行监督举报，经查证属实的按规定给予奖励。",
      "本{doc}自印发之日起施行，有效期{years}年。此前有关规定与本{doc}不一致的，以本{doc}为准。",
      "联系人：县应急管理局综合股，联系电话：0871-6512345。",
      "经研究，现将有关事项{doc}如下，请结合实际认真抓好贯彻落实。",
      "检查发现的主要问题有：安全管理制度不健全，隐患排查治理不到位，从业人员安全意识不强，应急处置能力有待提高。",
      "下一步，我局将持续深化{topic}专项整治，完善风险分级管控和隐患排查治理双重预防机制，推动全县安全生产形势持续稳定向好。",
      "根据《中华人民共和国安全生产法》第{art}条的规定，责令限期改正，并处罚款{money}万元。",
      "当事人如对本决定不服，可以在收到本决定书之日起60日内向示例县人民政府申请行政复议，或者在6个月内依法向人民法院提起行政诉讼。",
      "\"三查三改\"活动开展以来，各单位共梳理风险点{n}个，制定管控措施{m}条（其中,重大风险{j}个）。",
  };
  static final String[] LIST_ITEMS = {"压实{topic}属地管理责任", "开展{topic}隐患排查治理", "加强重点时段值班值守",
      "强化{town}应急队伍建设", "做好应急物资储备和调运", "加强宣传教育和培训演练", "严格执法检查和责任追究",
      "完善监测预警和信息报送机制", "落实企业安全生产主体责任"};
  static final String[] FOOTERS = {"特此通知。", "特此公告。", "以上报告，请审阅。", "请认真贯彻执行。"};

  // ------------------------------------------------------------------------------------ built-in catalogue
  /** code, domain, level1, level2 of the built-in catalogue (28 安全生产 + 20 救灾 items). */
  static final String[][] BUILTIN_ITEMS = {
      {"aqsc-01-01", "安全生产", "政策文件", "法律法规"}, {"aqsc-01-02", "安全生产", "政策文件", "部门和地方规章"},
      {"aqsc-01-03", "安全生产", "政策文件", "其他政策文件"}, {"aqsc-01-04", "安全生产", "政策文件", "标准"},
      {"aqsc-01-05", "安全生产", "政策文件", "重大决策草案"}, {"aqsc-01-06", "安全生产", "政策文件", "重要会议"},
      {"aqsc-01-07", "安全生产", "政策文件", "重大政策解读"}, {"aqsc-02-01", "安全生产", "依法行政", "行政许可"},
      {"aqsc-02-02", "安全生产", "依法行政", "行政处罚"}, {"aqsc-02-03", "安全生产", "依法行政", "行政强制"},
      {"aqsc-02-04", "安全生产", "依法行政", "行政检查"}, {"aqsc-03-01", "安全生产", "行政管理", "安全生产执法检查计划"},
      {"aqsc-03-02", "安全生产", "行政管理", "生产安全事故调查处理报告"}, {"aqsc-03-03", "安全生产", "行政管理", "安全生产约谈"},
      {"aqsc-03-04", "安全生产", "行政管理", "重大事故隐患挂牌督办"}, {"aqsc-03-05", "安全生产", "行政管理", "安全生产责任制考核"},
      {"aqsc-03-06", "安全生产", "行政管理", "安全生产失信惩戒"}, {"aqsc-04-01", "安全生产", "公共服务", "安全生产宣传教育"},
      {"aqsc-04-02", "安全生产", "公共服务", "应急预案"}, {"aqsc-04-03", "安全生产", "公共服务", "举报投诉"},
      {"aqsc-04-04", "安全生产", "公共服务", "安全培训考试"}, {"aqsc-04-05", "安全生产", "公共服务", "应急救援"},
      {"aqsc-05-01", "安全生产", "重点领域信息公开", "危险化学品"}, {"aqsc-05-02", "安全生产", "重点领域信息公开", "非煤矿山"},
      {"aqsc-05-03", "安全生产", "重点领域信息公开", "烟花爆竹"}, {"aqsc-05-04", "安全生产", "重点领域信息公开", "工贸行业"},
      {"aqsc-05-05", "安全生产", "重点领域信息公开", "森林草原防灭火"},
      {"aqsc-05-06", "安全生产", "重点领域信息公开", "生产安全事故统计"},
      {"jz-01-01", "救灾", "政策文件", "法律法规"}, {"jz-01-02", "救灾", "政策文件", "部门和地方规章"},
      {"jz-01-03", "救灾", "政策文件", "其他政策文件"}, {"jz-01-04", "救灾", "政策文件", "标准"},
      {"jz-01-05", "救灾", "政策文件", "重大决策草案"}, {"jz-01-06", "救灾", "政策文件", "重大政策解读及回应"},
      {"jz-01-07", "救灾", "政策文件", "重要会议"}, {"jz-02-01", "救灾", "备灾管理", "综合减灾示范社区"},
      {"jz-02-02", "救灾", "备灾管理", "应急避难场所"}, {"jz-03-01", "救灾", "灾后救助", "灾情信息"},
      {"jz-03-02", "救灾", "灾后救助", "救助对象及标准"}, {"jz-03-03", "救灾", "灾后救助", "救助款物下拨"},
      {"jz-03-04", "救灾", "灾后救助", "过渡期生活救助对象公示"}, {"jz-03-05", "救灾", "灾后救助", "住房恢复重建救助对象公示"},
      {"jz-03-06", "救灾", "灾后救助", "救灾物资分配"}, {"jz-04-01", "救灾", "款物管理", "捐赠款物"},
      {"jz-04-02", "救灾", "款物管理", "救灾资金使用"}, {"jz-04-03", "救灾", "款物管理", "救灾物资储备"},
      {"jz-05-01", "救灾", "工作动态", "工作动态"}, {"jz-05-02", "救灾", "工作动态", "灾害预警信息"}};

  /** A catalogue item as far as the generator needs it. */
  record Item(String code, String level1, String level2) {}

  // ------------------------------------------------------------------------------------------------- state
  final int n;
  final long seed;
  final Path out;
  final Random rnd;
  final List<Item> items = new ArrayList<>();
  final TreeMap<String, Integer> docNoCounters = new TreeMap<>();
  String catalogueSource = "built-in";

  SyntheticSite(int n, Path out, long seed) {
    this.n = n;
    this.out = out;
    this.seed = seed;
    this.rnd = new Random(seed);
  }

  public static void main(String[] args) throws IOException {
    Integer n = null;
    Path out = null;
    long seed = 42;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--seed") && i + 1 < args.length) seed = Long.parseLong(args[++i]);
      else if (args[i].startsWith("--seed=")) seed = Long.parseLong(args[i].substring(7));
      else if (n == null) n = Integer.parseInt(args[i].replace("_", ""));
      else if (out == null) out = Path.of(args[i]);
      else usage();
    }
    if (n == null || out == null || n < 0) usage();
    long t0 = System.nanoTime();
    SyntheticSite s = new SyntheticSite(n, out, seed);
    s.write();
    System.err.printf("SyntheticSite: %d records, %d items (catalogue: %s), seed %d → %s in %.1f s%n",
        n, s.items.size(), s.catalogueSource, seed, out, (System.nanoTime() - t0) / 1e9);
  }

  static void usage() {
    System.err.println("usage: java bench/SyntheticSite.java N OUTDIR [--seed S]");
    System.exit(2);
  }

  void write() throws IOException {
    Path cat = out.resolve("catalogue");
    Files.createDirectories(cat.resolve("records"));
    Files.createDirectories(cat.resolve("datasets"));
    Files.createDirectories(out.resolve("content"));
    writeSiteJson(cat.resolve("site.json"));
    writeCatalogue(cat.resolve("catalogue.csv"));
    writeRecords(cat.resolve("records"));
    writeDatasets(cat.resolve("datasets"));
    writePages(out.resolve("content"));
  }

  // ----------------------------------------------------------------------------------------------- config
  void writeSiteJson(Path p) throws IOException {
    String json = """
        {
          "title": "示例县应急管理局政府信息公开",
          "agency": "示例县应急管理局",
          "baseUrl": "https://yjj.example.gov.cn/",
          "regionCode": "530199",
          "languages": ["zh-CN", "en"],
          "contact": { "address": "示例县城关镇人民路1号", "phone": "0871-6512345", "email": "yjj@example.gov.cn",
                       "hours": "工作日 9:00—12:00，14:00—17:30" },
          "options": {
            "encoding": "UTF-8",
            "pageSize": 20,
            "listOnRequest": false,
            "applyGuide": "申请人可通过信函、当面提交或在线平台向本机关提出政府信息公开申请。"
          }
        }
        """;
    Files.writeString(p, json, StandardCharsets.UTF_8);
  }

  // -------------------------------------------------------------------------------------------- catalogue
  /** The repository's catalogue/catalogue.csv, found relative to this source file (bench/../catalogue/). */
  static Path repoCatalogue() {
    List<Path> candidates = new ArrayList<>();
    try {
      var cs = SyntheticSite.class.getProtectionDomain().getCodeSource();
      if (cs != null && cs.getLocation() != null) {
        Path self = Path.of(cs.getLocation().toURI()).toAbsolutePath();
        candidates.add(self.getParent().getParent().resolve("catalogue/catalogue.csv"));
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall through to the other candidates
    }
    String src = System.getProperty("jdk.launcher.sourcefile");
    if (src != null) {
      Path parent = Path.of(src).toAbsolutePath().getParent();
      if (parent != null && parent.getParent() != null) {
        candidates.add(parent.getParent().resolve("catalogue/catalogue.csv"));
      }
    }
    for (Path c : candidates) if (Files.isRegularFile(c)) return c;
    return null;
  }

  void writeCatalogue(Path p) throws IOException {
    Path repo = repoCatalogue();
    if (repo != null) {
      Files.copy(repo, p, StandardCopyOption.REPLACE_EXISTING);
      catalogueSource = repo.toString();
      for (List<String> row : parseCsv(Files.readString(repo, StandardCharsets.UTF_8))) {
        if (row.size() < 4 || row.get(0).isBlank()) continue;
        String code = row.get(0).strip();
        if (code.startsWith("\uFEFF")) code = code.substring(1);
        if (code.equals("编码") || code.equalsIgnoreCase("code")) continue;
        items.add(new Item(code, row.get(2).strip(), row.get(3).strip()));
      }
      if (!items.isEmpty()) return;
      catalogueSource = "built-in (" + repo + " had no rows)";
    }
    try (Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
      csvRow(w, "编码", "领域", "一级事项", "二级事项", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
          "公开对象", "公开方式", "公开层级");
      for (String[] it : BUILTIN_ITEMS) {
        String domain = it[1];
        csvRow(w, it[0], domain, it[2], it[3],
            "与" + domain + "有关的" + it[3] + "信息",
            "《中华人民共和国政府信息公开条例》（国务院令第711号）",
            "信息形成或变更之日起20个工作日内",
            "县应急管理局",
            "政府网站;两微一端;公开查阅点",
            "全社会", "主动", "县级");
        items.add(new Item(it[0], it[2], it[3]));
      }
    }
  }

  /** A small RFC 4180 parser, enough for the catalogue. */
  static List<List<String>> parseCsv(String s) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
            f.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(f.toString());
        f.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
        row.add(f.toString());
        f.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        f.append(c);
      }
    }
    if (f.length() > 0 || !row.isEmpty()) {
      row.add(f.toString());
      rows.add(row);
    }
    return rows;
  }

  // ---------------------------------------------------------------------------------------------- records
  void writeRecords(Path dir) throws IOException {
    int itemCount = items.size();
    // Uneven item sizes, as in real portals: weights 1..8.
    int[] weights = new int[itemCount];
    int total = 0;
    for (int i = 0; i < itemCount; i++) total += weights[i] = 1 + rnd.nextInt(8);
    int[] cumulative = new int[itemCount];
    for (int i = 0, c = 0; i < itemCount; i++) cumulative[i] = c += weights[i];

    int span = (int) (LAST_WRITTEN.toEpochDay() - FIRST.toEpochDay()) + 1;
    int[] item = new int[n];
    int[] written = new int[n];
    int[] lag = new int[n];
    long[] textSeed = new long[n];
    for (int r = 0; r < n; r++) {
      int pick = rnd.nextInt(Math.max(1, total));
      int idx = Arrays.binarySearch(cumulative, pick + 1);
      item[r] = idx >= 0 ? idx : -idx - 1;
      written[r] = (int) FIRST.toEpochDay() + rnd.nextInt(span);
      lag[r] = 1 + rnd.nextInt(20);
      textSeed[r] = rnd.nextLong();
    }
    // Serial numbers per year, in order of 成文日期 (ties by generation order).
    Integer[] order = new Integer[n];
    for (int r = 0; r < n; r++) order[r] = r;
    Arrays.sort(order, (a, b) -> written[a] != written[b] ? Integer.compare(written[a], written[b]) : Integer.compare(a, b));
    int width = Math.max(5, Integer.toString(n).length());
    int[] serial = new int[n];
    int[] perYear = new int[3000];
    for (int r : order) serial[r] = ++perYear[LocalDate.ofEpochDay(written[r]).getYear()];

    // One file per item, rows in index-number order.
    List<List<Integer>> byItem = new ArrayList<>();
    for (int i = 0; i < itemCount; i++) byItem.add(new ArrayList<>());
    for (int r : order) byItem.get(item[r]).add(r);
    String fmt = "%s/%d-%0" + width + "d";
    for (int i = 0; i < itemCount; i++) {
      Item it = items.get(i);
      try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(it.code() + ".csv"), StandardCharsets.UTF_8)) {
        csvRow(w, RECORD_HEADER);
        for (int r : byItem.get(i)) {
          LocalDate wd = LocalDate.ofEpochDay(written[r]);
          LocalDate pd = wd.plusDays(lag[r]);
          String indexNo = String.format(fmt, ORG_CODE, wd.getYear(), serial[r]);
          recordRow(w, it, indexNo, wd, pd, new Random(textSeed[r]));
        }
      }
    }
  }

  void recordRow(Writer w, Item it, String indexNo, LocalDate written, LocalDate published, Random r)
      throws IOException {
    Ctx c = new Ctx(r, written);
    String[] titleAndDoc = title(it, c);
    String title = titleAndDoc[0];
    String docType = titleAndDoc[1];
    String docPrefix = titleAndDoc[2];
    String docNo = docPrefix == null ? "" : docPrefix + "〔" + written.getYear() + "〕" + nextDocNo(docPrefix, written.getYear()) + "号";
    String agency = r.nextInt(10) < 8 ? AGENCY : pick(r, AGENCIES);
    int v = r.nextInt(100);
    String validity = v < 92 ? "有效" : v < 97 ? "失效" : "废止";
    int d = r.nextInt(100);
    String disclosure = d < 97 ? "主动公开" : d < 99 ? "依申请公开" : "不予公开";
    String body = body(c, docType, agency, published);
    csvRow(w, indexNo, title, agency, written.toString(), published.toString(), docNo, pick(r, SUBJECTS), validity,
        disclosure, "全社会", body);
  }

  int nextDocNo(String prefix, int year) {
    return docNoCounters.merge(prefix + year, 1, Integer::sum);
  }

  /** Random choices for one record. */
  static final class Ctx {
    final Random r;
    final LocalDate date;
    final String topic;
    final String town;

    Ctx(Random r, LocalDate date) {
      this.r = r;
      this.date = date;
      this.topic = pick(r, TOPICS);
      this.town = pick(r, TOWNS);
    }

    String company() {
      return town + pick(r, COMPANY_NAMES) + pick(r, COMPANY_KINDS);
    }

    /** Fills the {placeholders} of a vocabulary template. */
    String fill(String t, String doc) {
      StringBuilder b = new StringBuilder(t.length() + 16);
      int i = 0;
      while (i < t.length()) {
        char ch = t.charAt(i);
        int end = ch == '{' ? t.indexOf('}', i) : -1;
        if (end < 0) {
          b.append(ch);
          i++;
          continue;
        }
        String key = t.substring(i + 1, end);
        switch (key) {
          case "topic" -> b.append(topic);
          case "town" -> b.append(town);
          case "doc" -> b.append(doc);
          case "year" -> b.append(date.getYear());
          case "month" -> b.append(date.getMonthValue());
          case "disaster" -> b.append(pick(r, DISASTERS));
          case "n" -> b.append(10 + r.nextInt(990));
          case "m" -> b.append(5 + r.nextInt(495));
          case "k" -> b.append(1 + r.nextInt(200));
          case "j" -> b.append(1 + r.nextInt(20));
          case "art" -> b.append(90 + r.nextInt(30));
          case "years" -> b.append(3 + r.nextInt(3));
          case "pct" -> b.append(60 + r.nextInt(41));
          case "money" -> b.append(1 + r.nextInt(500)).append('.').append(r.nextInt(10)).append(r.nextInt(10));
          default -> b.append('{').append(key).append('}');
        }
        i = end + 1;
      }
      return b.toString();
    }
  }

  /** Title, document type and 文号 prefix (null: no 文号), shaped by the item's 二级事项. */
  static String[] title(Item it, Ctx c) {
    Random r = c.r;
    String l2 = it.level2();
    int year = c.date.getYear();
    String doc = pick(r, PLAN_TYPES);
    if (l2.equals("法律法规")) {
      return new String[] {"《" + pick(r, LAWS) + "》（" + (year - r.nextInt(4)) + "年修订）", "通知", null};
    }
    if (l2.contains("规章")) return new String[] {"《" + pick(r, RULES) + "》", "办法", null};
    if (l2.equals("标准")) return new String[] {pick(r, STANDARDS), "公告", null};
    if (l2.equals("行政处罚") || l2.contains("失信惩戒")) {
      return new String[] {c.company() + "安全生产行政处罚决定书", "决定书", "示应急罚"};
    }
    if (l2.equals("行政许可")) {
      return new String[] {"关于" + c.company() + "烟花爆竹经营（零售）许可证核发的公告", "公告", "示应急许"};
    }
    if (l2.equals("行政强制")) {
      return new String[] {"关于对" + c.company() + "依法采取查封扣押措施的决定书", "决定书", "示应急强"};
    }
    if (l2.contains("检查")) {
      return new String[] {"示例县应急管理局" + year + "年度" + c.topic + "监督检查计划", "方案", "示应急发"};
    }
    if (l2.contains("事故调查")) {
      return new String[] {c.company() + "“" + c.date.getMonthValue() + "·" + c.date.getDayOfMonth()
          + "”一般生产安全事故调查报告", "报告", "示安委办发"};
    }
    if (l2.contains("挂牌督办")) {
      return new String[] {"关于对" + c.company() + "重大事故隐患挂牌督办的通知", "通知", "示安委办发"};
    }
    if (l2.equals("应急预案")) {
      return new String[] {"示例县" + c.topic + "应急预案（" + year + "年修订）", "方案", "示政办发"};
    }
    if (l2.contains("灾情") || l2.contains("预警")) {
      String disaster = disaster(r);
      return r.nextBoolean()
          ? new String[] {"示例县" + c.date.getMonthValue() + "月" + c.date.getDayOfMonth() + "日" + disaster.replace("灾害", "") + "灾情信息",
              "报告", null}
          : new String[] {"关于" + c.town + disaster + "风险预警的公告", "公告", "示减灾委发"};
    }
    if (l2.contains("公示") || l2.contains("救助对象")) {
      return new String[] {c.town + year + "年" + l2.replace("公示", "") + "公示", "公告", null};
    }
    if (l2.contains("下拨") || l2.contains("资金") || l2.contains("捐赠") || l2.contains("物资")) {
      return new String[] {"关于下达" + year + "年" + disaster(r) + "救灾资金的通知", "通知", "示应急发"};
    }
    if (l2.contains("会议")) {
      return new String[] {"示例县" + year + "年" + c.topic + "工作会议召开", "报告", null};
    }
    if (l2.contains("解读")) {
      return new String[] {"《示例县" + c.topic + "工作" + doc + "》政策解读", "意见", null};
    }
    if (l2.contains("动态")) {
      return new String[] {c.town + pick(r, VERBS) + c.topic + pick(r, WORKS), "报告", null};
    }
    return switch (r.nextInt(3)) {
      case 0 -> new String[] {"示例县应急管理局关于" + pick(r, VERBS) + year + "年" + c.topic + pick(r, WORKS) + "的" + doc,
          doc, "示应急发"};
      case 1 -> {
        String t = pick(r, SITUATION_TYPES);
        yield new String[] {"关于" + c.town + c.topic + pick(r, WORKS) + "情况的" + t, t, "示应急函"};
      }
      default -> new String[] {"示例县" + year + "年" + c.topic + "工作" + doc, doc, "示应急办发"};
    };
  }

  /** A disaster name ending in 灾害 or 火灾: 暴雨灾害, 森林火灾. */
  static String disaster(Random r) {
    String d = pick(r, DISASTERS);
    return d.endsWith("灾") ? d : d + "灾害";
  }

  /** A Markdown body of about 300–1500 characters: paragraphs, sometimes headings and a numbered list. */
  static String body(Ctx c, String doc, String agency, LocalDate published) {
    Random r = c.r;
    int target = 300 + r.nextInt(1100);
    String footer = switch (doc) {
      case "通知" -> FOOTERS[0];
      case "公告" -> FOOTERS[1];
      case "报告" -> FOOTERS[2];
      case "决定书" -> "特此决定。";
      default -> FOOTERS[3];
    };
    String tail = "\n\n" + footer + "\n\n" + agency + "  \n" + published.getYear() + "年"
        + published.getMonthValue() + "月" + published.getDayOfMonth() + "日";
    int limit = 1500 - tail.length();
    StringBuilder b = new StringBuilder(target + 200);
    b.append(c.fill(SENTENCES[0], doc));
    boolean sections = r.nextInt(3) > 0;
    int heading = 0;
    int sentencesInPara = 1;
    while (b.length() < target) {
      String next;
      if (sections && sentencesInPara >= 2 && heading < 10 && r.nextInt(3) == 0) {
        next = "\n\n## " + CHINESE_NUM[heading++] + "、" + pick(r, HEADINGS) + "\n\n" + c.fill(pick(r, SENTENCES), doc);
        sentencesInPara = 1;
      } else if (sentencesInPara >= 2 && r.nextInt(6) == 0) {
        StringBuilder list = new StringBuilder("\n\n");
        int items = 2 + r.nextInt(3);
        int first = r.nextInt(LIST_ITEMS.length);
        for (int i = 1; i <= items; i++) {
          String item = LIST_ITEMS[(first + (i - 1) * 2) % LIST_ITEMS.length];
          list.append(i).append(". ").append(c.fill(item, doc)).append("。\n");
        }
        list.append('\n').append(c.fill(pick(r, SENTENCES), doc));
        next = list.toString();
        sentencesInPara = 1;
      } else if (sentencesInPara >= 2 + r.nextInt(3)) {
        next = "\n\n" + c.fill(pick(r, SENTENCES), doc);
        sentencesInPara = 1;
      } else {
        next = c.fill(pick(r, SENTENCES), doc);
        sentencesInPara++;
      }
      if (b.length() + next.length() > limit) break;
      b.append(next);
    }
    return b.append(tail).toString();
  }

  // --------------------------------------------------------------------------------------------- datasets
  void writeDatasets(Path dir) throws IOException {
    int rows = Math.max(1, n / 100);
    String firstAqsc = firstItem("aqsc");
    String firstJz = firstItem("jz");
    dataset(dir, "relief-funds", rows, itemOr("jz-03-03", firstJz), """
        {
          "title": "自然灾害救灾资金下拨情况",
          "item": "%s",
          "description": "县级救灾资金按乡镇下拨明细（合成基准数据）。",
          "agency": "示例县应急管理局",
          "published": "2025-09-10",
          "disclosure": "主动公开",
          "primaryKey": ["序号"],
          "columns": [
            { "name": "序号", "type": "integer" },
            { "name": "乡镇", "type": "string", "description": "资金拨付的乡镇" },
            { "name": "救助类别", "type": "string" },
            { "name": "受益户数", "type": "integer", "unit": "户" },
            { "name": "金额", "type": "number", "unit": "万元" },
            { "name": "经办人", "type": "string", "personal": "name" },
            { "name": "下拨日期", "type": "date" }
          ]
        }
        """, (r, i) -> new String[] {Integer.toString(i), pick(r, TOWNS),
            pick(r, new String[] {"过渡期生活救助", "冬春生活救助", "倒损住房恢复重建", "应急救助"}),
            Integer.toString(1 + r.nextInt(300)), money(r, 200), pick(r, new String[] {"张*", "李*", "王*", "赵*", "刘*"}),
            date(r).toString()});
    dataset(dir, "penalties", rows, itemOr("aqsc-02-02", firstAqsc), """
        {
          "title": "安全生产行政处罚信息",
          "item": "%s",
          "description": "县应急管理局作出的安全生产行政处罚决定（合成基准数据）。",
          "agency": "示例县应急管理局",
          "published": "2025-12-31",
          "disclosure": "主动公开",
          "primaryKey": ["决定书文号"],
          "columns": [
            { "name": "决定书文号", "type": "string" },
            { "name": "被处罚单位", "type": "string" },
            { "name": "违法行为", "type": "string" },
            { "name": "罚款金额", "type": "number", "unit": "万元" },
            { "name": "决定日期", "type": "date" }
          ]
        }
        """, (r, i) -> {
          LocalDate d = date(r);
          Ctx c = new Ctx(r, d);
          return new String[] {"示应急罚〔" + d.getYear() + "〕" + i + "号", c.company(), pick(r, VIOLATIONS),
              money(r, 50), d.toString()};
        });
    dataset(dir, "hazard-supervision", rows, itemOr("aqsc-03-04", firstAqsc), """
        {
          "title": "重大事故隐患挂牌督办及整改情况",
          "item": "%s",
          "description": "挂牌督办的重大事故隐患及整改进度（合成基准数据）。",
          "agency": "示例县安全生产委员会办公室",
          "published": "2026-06-30",
          "disclosure": "主动公开",
          "primaryKey": ["序号"],
          "columns": [
            { "name": "序号", "type": "integer" },
            { "name": "乡镇", "type": "string" },
            { "name": "企业名称", "type": "string" },
            { "name": "隐患内容", "type": "string" },
            { "name": "督办等级", "type": "string" },
            { "name": "整改期限", "type": "date" },
            { "name": "整改状态", "type": "string" }
          ]
        }
        """, (r, i) -> {
          Ctx c = new Ctx(r, date(r));
          return new String[] {Integer.toString(i), c.town, c.company(), pick(r, VIOLATIONS),
              pick(r, new String[] {"县级", "市级"}), c.date.toString(),
              pick(r, new String[] {"已整改", "整改中", "已销号"})};
        });
  }

  interface RowMaker {
    String[] row(Random r, int i);
  }

  void dataset(Path dir, String id, int rows, String item, String schema, RowMaker maker) throws IOException {
    String json = String.format(schema, item);
    Files.writeString(dir.resolve(id + ".schema.json"), json, StandardCharsets.UTF_8);
    Random r = new Random(seed ^ id.hashCode());
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(id + ".csv"), StandardCharsets.UTF_8)) {
      csvRow(w, columnNames(json));
      for (int i = 1; i <= rows; i++) csvRow(w, maker.row(r, i));
    }
  }

  /** Column names of a schema, in order (the generator's own schemas only). */
  static String[] columnNames(String json) {
    String cols = json.substring(json.indexOf("\"columns\""));
    List<String> names = new ArrayList<>();
    int i = 0;
    while ((i = cols.indexOf("\"name\": \"", i)) >= 0) {
      i += 9;
      names.add(cols.substring(i, cols.indexOf('"', i)));
    }
    return names.toArray(String[]::new);
  }

  String firstItem(String domainSlug) {
    for (Item it : items) if (it.code().startsWith(domainSlug + "-")) return it.code();
    return items.get(0).code();
  }

  String itemOr(String code, String fallback) {
    for (Item it : items) if (it.code().equals(code)) return code;
    return fallback;
  }

  static String money(Random r, int max) {
    return (1 + r.nextInt(max)) + "." + r.nextInt(10) + r.nextInt(10);
  }

  static LocalDate date(Random r) {
    int span = (int) (LAST_WRITTEN.toEpochDay() - FIRST.toEpochDay()) + 1;
    return LocalDate.ofEpochDay(FIRST.toEpochDay() + r.nextInt(span));
  }

  // ------------------------------------------------------------------------------------------------ pages
  void writePages(Path dir) throws IOException {
    page(dir.resolve("about.md"), "关于本站", "2", """
        本站是示例县应急管理局政府信息公开平台（**合成基准数据**，由 `bench/SyntheticSite.java` 生成，内容均为虚构）。

        ## 机构职能

        示例县应急管理局负责全县应急管理、安全生产综合监督管理、防灾减灾救灾等工作，组织编制县级总体应急预案和安全生产类、自然灾害类专项预案。

        ## 联系方式

        - 地址：示例县城关镇人民路1号
        - 电话：0871-6512345
        - 邮箱：yjj@example.gov.cn
        """);
    page(dir.resolve("guide.md"), "政府信息公开指南", "1", """
        ## 一、主动公开

        本机关主动公开的政府信息，按照《示例县应急管理局政府信息公开目录》分类发布，自信息形成或变更之日起20个工作日内公开。

        ## 二、依申请公开

        公民、法人或者其他组织可以向本机关申请获取相关政府信息。申请人可通过信函、当面提交或在线平台提出申请。

        ## 三、监督和救济

        申请人认为本机关在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼。
        """);
    page(dir.resolve("annual-report.md"), "政府信息公开工作年度报告", "", """
        根据《中华人民共和国政府信息公开条例》的规定，现公布本机关政府信息公开工作年度报告。

        | 项目 | 数量 |
        |---|---|
        | 主动公开政府信息 | %d 条 |
        | 公开数据集 | 3 个 |

        本报告中的数据为合成基准数据。
        """.formatted(n));
  }

  static void page(Path p, String title, String nav, String markdown) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("title=").append(title).append('\n');
    b.append("type=page\n");
    b.append("status=published\n");
    b.append("date=2024-01-01\n");
    if (!nav.isEmpty()) b.append("nav=").append(nav).append('\n');
    b.append("~~~~~~\n").append(markdown);
    Files.writeString(p, b.toString(), StandardCharsets.UTF_8);
  }

  // -------------------------------------------------------------------------------------------------- CSV
  /** Writes one RFC 4180 row (CRLF line end; fields with , " CR or LF quoted, quotes doubled). */
  static void csvRow(Writer w, String... fields) {
    try {
      for (int i = 0; i < fields.length; i++) {
        if (i > 0) w.write(',');
        String f = fields[i];
        if (needsQuotes(f)) {
          w.write('"');
          w.write(f.replace("\"", "\"\""));
          w.write('"');
        } else {
          w.write(f);
        }
      }
      w.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean needsQuotes(String f) {
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') return true;
    }
    return false;
  }

  static <T> T pick(Random r, T[] options) {
    return options[r.nextInt(options.length)];
  }
}
