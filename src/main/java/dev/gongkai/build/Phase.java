package dev.gongkai.build;

/** The pipeline's stages, in order, as progress reports name them. */
public enum Phase {
  LOAD("读取", "load"),
  VALIDATE("校验", "validate"),
  EXPORT("导出开放数据", "open data"),
  /** What rendering and the leak audit need first: the audit's needles, the records' digests (incremental builds). */
  PREPARE("准备", "prepare"),
  RENDER("生成页面", "render"),
  INDEX("建立搜索索引", "search index"),
  WRITE("写入", "write"),
  AUDIT("泄露检查", "leak audit"),
  /** Swapping the output in and saving the build cache. */
  COMMIT("提交输出", "commit");

  private final String zh;
  private final String en;

  Phase(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }
}
