<#macro records posts>
<table class="records">
  <caption class="visually-hidden">信息列表</caption>
  <thead><tr><th scope="col">标题</th><th scope="col">文号</th><th scope="col">发布日期</th></tr></thead>
  <tbody>
  <#list posts as post>
  <tr>
    <td><a href="${root}${post.uri}">${post.title?html}</a><#if (post.validity!"有效") != "有效"> <span class="badge">${post.validity?html}</span></#if></td>
    <td>${(post.docno!"")?html}</td>
    <td><time datetime="${post.date?string("yyyy-MM-dd")}">${post.date?string("yyyy-MM-dd")}</time></td>
  </tr>
  </#list>
  </tbody>
</table>
</#macro>
