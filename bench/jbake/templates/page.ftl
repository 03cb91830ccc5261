<#include "header.ftl">
<main id="main" class="wrap" tabindex="-1">
  <h1>${content.title?html}</h1>
  <div class="body">
${content.body}
  </div>
</main>
<#include "footer.ftl">
