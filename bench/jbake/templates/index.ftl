<#include "header.ftl">
<#include "records.ftl">
<main id="main" class="wrap" tabindex="-1">
  <h1 class="visually-hidden">示例县应急管理局政府信息公开</h1>
  <section aria-labelledby="h-latest">
    <h2 id="h-latest">最新信息</h2>
    <@records posts=published_posts/>
    <nav class="pager" aria-label="分页">
      <#if (previousFileName)??><a rel="prev" href="${root}${previousFileName}">上一页</a></#if>
      <span>第 ${currentPageNumber} / ${numberOfPages} 页</span>
      <#if (nextFileName)??><a rel="next" href="${root}${nextFileName}">下一页</a></#if>
    </nav>
  </section>
</main>
<#include "footer.ftl">
