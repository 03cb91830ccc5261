<#include "header.ftl">
<#include "records.ftl">
<main id="main" class="wrap" tabindex="-1">
  <h1>${tag?html}</h1>
  <section aria-labelledby="h-records">
    <h2 id="h-records">公开信息（${tag_posts?size} 条）</h2>
    <@records posts=tag_posts/>
  </section>
</main>
<#include "footer.ftl">
