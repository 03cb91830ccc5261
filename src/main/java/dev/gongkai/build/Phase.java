package dev.gongkai.build;

/** The pipeline's stages, in order, as progress reports name them. */
public enum Phase {
  LOAD("读取", "load"),
  VALIDATE("校验", "validate"),
  EXPORT("导出开放数据", "open data"),
  RENDER("生成页面", "render"),
  INDEX("建立搜索索引", "search index"),
  WRITE("写入", "write"),
  AUDIT("泄露检查", "leak audit");

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
