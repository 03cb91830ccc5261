<#assign root = (content.rootpath)!"">
<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="Content-Security-Policy"
        content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'">
  <meta name="referrer" content="strict-origin-when-cross-origin">
  <title><#if (content.title)??>${content.title?html} - </#if>示例县应急管理局政府信息公开</title>
  <meta name="generator" content="JBake (gongkai benchmark)">
  <link rel="stylesheet" href="${root}assets/site.css">
  <link rel="alternate" type="application/atom+xml" href="${root}${config.feed_file}" title="本站政府信息更新">
</head>
<body>
  <a class="skip-link" href="#main">跳到主要内容</a>
  <header class="site-header">
    <div class="wrap">
      <p class="site-title"><a href="${root}index.html">示例县应急管理局政府信息公开</a></p>
      <p class="site-agency">示例县应急管理局</p>
      <form class="site-search" role="search" method="get" action="${root}search/" aria-label="站内搜索">
        <label for="site-q" class="visually-hidden">搜索本站信息</label>
        <input id="site-q" name="q" type="search">
        <button type="submit">搜索</button>
      </form>
    </div>
    <nav class="site-nav" aria-label="主导航">
      <ul class="wrap">
        <li><a href="${root}index.html">首页</a></li>
        <li><a href="${root}guide.html">政府信息公开指南</a></li>
        <li><a href="${root}about.html">关于本站</a></li>
        <li><a href="${root}apply/">依申请公开</a></li>
      </ul>
    </nav>
  </header>
