package dev.gongkai.scaffold;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The text files {@code gongkai init} writes that depend on the agency: the site config, the starter pages
 * (机构职能, 政府信息公开指南, 联系我们; the accessibility statement and the 依申请公开 page are generated from the config),
 * the repository's README and {@code .gitignore}. Every value the publisher must supply is marked
 * {@value SiteIdentity#TO_FILL}. The only date is the one given (the day the site is set up): the output depends on
 * the options only.
 */
final class StarterText {
  private static final String FILL = SiteIdentity.TO_FILL;

  private StarterText() {}

  /** {@code catalogue/site.json}: the example's config with the agency's fields. */
  static String siteJson(SiteIdentity id) {
    String a = id.agency();
    String prefix = id.indexPrefix().isEmpty() ? "" : "    \"indexPrefix\": " + json(id.indexPrefix()) + ",\n";
    return "{\n"
        + "  \"title\": " + json(a + "政府信息公开") + ",\n"
        + "  \"agency\": " + json(a) + ",\n"
        + "  \"baseUrl\": " + json(id.baseUrl()) + ",\n"
        + "  \"regionCode\": " + json(id.regionCode()) + ",\n"
        + "  \"languages\": [\n"
        + "    \"zh-CN\",\n"
        + "    \"en\"\n"
        + "  ],\n"
        + "  \"contact\": {\n"
        + "    \"address\": " + json(FILL + "办公地址") + ",\n"
        + "    \"phone\": " + json(FILL + "办公电话") + ",\n"
        + "    \"email\": \"\",\n"
        + "    \"hours\": " + json(FILL + "工作日 9:00—12:00，14:00—17:30") + "\n"
        + "  },\n"
        + "  \"options\": {\n"
        + "    \"encoding\": \"UTF-8\",\n"
        + "    \"pageSize\": 20,\n"
        + "    \"listOnRequest\": false,\n"
        + prefix
        + "    \"applyGuide\": " + json("申请人可通过当面提交、信函邮寄等方式，向" + a + "提出政府信息公开申请。"
            + "申请时请填写《政府信息公开申请表》，写明申请人姓名或者名称、身份证明、联系方式，所需政府信息的名称、文号"
            + "或者其他特征性描述，以及获取信息的方式。本机关自收到申请之日起20个工作日内答复；需要延长答复期限的，"
            + "延长期限最长不超过20个工作日。") + "\n"
        + "  }\n"
        + "}\n";
  }

  /** {@code content/about.md}: 机构职能, first in the main navigation. */
  static String about(SiteIdentity id, java.time.LocalDate date) {
    return page(date, "机构职能", 1, """
        ## 机构职能

        %1$s是%2$s（机构性质和级别）。主要职责是：

        1. %2$s
        2. %2$s

        ## 内设机构

        %2$s（例如：办公室、政策法规股……）

        ## 领导信息

        %2$s（姓名、职务、分工）
        """.formatted(id.agency(), FILL));
  }

  /** {@code content/guide.md}: 政府信息公开指南, following the Regulations (国务院令第711号). */
  static String guide(SiteIdentity id, java.time.LocalDate date) {
    return page(date, "政府信息公开指南", 2, """
        为便于公民、法人和其他组织获取%1$s（以下简称本机关）的政府信息，根据《中华人民共和国政府信息公开条例》\
        （国务院令第711号，以下简称《条例》），编制本指南。本指南每年至少更新一次。

        ## 一、主动公开

        ### （一）公开范围

        本机关主动公开的政府信息按照基层政务公开标准目录分类发布，见本网站首页的目录。

        ### （二）公开方式和时限

        主动公开的政府信息通过本网站发布。属于主动公开范围的政府信息，自该政府信息形成或者变更之日起20个工作日内\
        予以公开；法律、法规对公开期限另有规定的，从其规定。

        ## 二、依申请公开

        公民、法人或者其他组织可以向本机关申请获取相关政府信息。申请方式见本网站的“依申请公开”页面。

        本机关收到申请，能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；\
        需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日。

        依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，本机关可以依照\
        《条例》收取信息处理费。

        ## 三、监督和救济

        公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息\
        公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。

        ## 四、政府信息公开工作机构

        %2$s（名称、办公地址、办公时间、联系电话、电子邮箱），或见[联系我们](contact.md)。
        """.formatted(id.agency(), FILL));
  }

  /** {@code content/contact.md}: 联系我们. */
  static String contact(SiteIdentity id, java.time.LocalDate date) {
    return page(date, "联系我们", 3, """
        ## %1$s

        | 项目 | 内容 |
        |---|---|
        | 办公地址 | %2$s |
        | 邮政编码 | %2$s |
        | 办公电话 | %2$s |
        | 办公时间 | %2$s |

        申请政府信息公开的方式见本网站的“依申请公开”页面和[政府信息公开指南](guide.md)。请只公布办公电话，不要公布个人手机号码。
        """.formatted(id.agency(), FILL));
  }

  /** The site repository's {@code README.md}, for whoever opens it in the git web UI. */
  static String readme(SiteIdentity id) {
    return """
        # %1$s政府信息公开

        本仓库保存%1$s的政府信息公开目录和信息（`catalogue/`）以及网站页面（`content/`）。每次提交后，\
        自动检查并发布网站（见 `.github/workflows/github-pages.yml` 或 `.gitlab-ci.yml`）。

        - 怎样发布、修改、撤回信息：[docs/publisher-guide.md](docs/publisher-guide.md)
        - 标准目录：`catalogue/catalogue.csv`；每个事项的信息：`catalogue/records/<领域>/<编码>.csv`
        - 网站设置（机关名称、网址、联系方式）：`catalogue/site.json`
        - 仍待填写的内容都标有“%2$s”

        在自己的电脑上预览（需要 Java 17 和 Maven，以及 gongkai 的仓库）：

        ```sh
        /path/to/gongkai/gongkai serve      # 在 http://127.0.0.1:8080/ 预览，修改后自动刷新
        /path/to/gongkai/gongkai build      # 生成网站到 public/
        ```
        """.formatted(id.agency(), FILL);
  }

  /** {@code .gitignore}: build output, gongkai's caches and the copy of gongkai the CI fetches. */
  static String gitignore() {
    return """
        # Written by gongkai build / serve: never commit them.
        /public/
        /public.tmp-*/
        /public.old-*/
        /.gongkai/
        # The copy of gongkai that CI fetches (see the workflow files).
        /gongkai-tool/
        # The Maven cache of the GitLab CI job (see .gitlab-ci.yml).
        /.m2/
        """;
  }

  /** A page with JBake's header; {@code date} (when the site was set up) is the site's "last updated" until records come. */
  private static String page(java.time.LocalDate date, String title, int nav, String body) {
    return "title=" + title + "\ntype=page\nstatus=published\n" + (date == null ? "" : "date=" + date + "\n")
        + "nav=" + nav + "\n~~~~~~\n" + body;
  }

  private static String json(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }
}
