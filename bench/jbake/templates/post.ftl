<#include "header.ftl">
<nav class="breadcrumbs wrap" aria-label="当前位置">
  <ol>
    <li><a href="${root}index.html">首页</a></li>
    <li><span>${content.domain?html}</span></li>
    <li><a href="${root}tags/${content.item}.html">${content.itemtitle?html}</a></li>
    <li><span aria-current="page">${content.title?html}</span></li>
  </ol>
</nav>
<main id="main" class="wrap" tabindex="-1">
  <article class="record" aria-labelledby="h-title">
    <table class="meta record-meta">
      <caption class="visually-hidden">信息索引</caption>
      <tbody>
      <tr><th scope="row">索引号</th><td>${content.indexno?html}</td>
          <th scope="row">主题分类</th><td>${content.subject?html}</td></tr>
      <tr><th scope="row">发布机构</th><td>${content.agency?html}</td>
          <th scope="row">成文日期</th><td><time datetime="${content.written}">${content.written}</time></td></tr>
      <tr><th scope="row">文号</th><td>${(content.docno!"")?html}</td>
          <th scope="row">发布日期</th><td><time datetime="${content.date?string("yyyy-MM-dd")}">${content.date?string("yyyy-MM-dd")}</time></td></tr>
      <tr><th scope="row">所属事项</th><td><a href="${root}tags/${content.item}.html">${content.itemtitle?html}</a></td>
          <th scope="row">有效性</th><td>${content.validity?html}</td></tr>
      <tr><th scope="row">标题</th><td colspan="3">${content.title?html}</td></tr>
      </tbody>
    </table>
    <h1 id="h-title">${content.title?html}</h1>
    <#if (content.docno!"")?has_content><p class="doc-no">${content.docno?html}</p></#if>
    <div class="body">
${content.body}
    </div>
  </article>
  <section class="history" aria-labelledby="h-history">
    <h2 id="h-history">变更记录</h2>
    <ol>
      <li><time datetime="${content.date?string("yyyy-MM-dd")}">${content.date?string("yyyy-MM-dd")}</time> <span>发布</span></li>
    </ol>
  </section>
  <#-- JBake's own neighbours (it looks them up in its database for every page); gongkai shows five records of the
       same item instead, which JBake's model has no cheap way to give. -->
  <nav class="related" aria-label="相邻信息">
    <#if (content.previousContent)??><a rel="prev" href="${root}${content.previousContent.uri}">${content.previousContent.title?html}</a></#if>
    <#if (content.nextContent)??><a rel="next" href="${root}${content.nextContent.uri}">${content.nextContent.title?html}</a></#if>
  </nav>
</main>
<#include "footer.ftl">
