  <footer class="site-footer">
    <div class="wrap">
      <p><strong>示例县应急管理局</strong></p>
      <p>地址：<span>示例县城关镇人民路1号</span></p>
      <p>电话：<span>0871-6512345</span>（<span>工作日 9:00—12:00，14:00—17:30</span>）</p>
      <p>邮箱：<a href="mailto:yjj@example.gov.cn">yjj@example.gov.cn</a></p>
      <ul class="footer-links">
        <li><a href="${root}accessibility/">无障碍声明</a></li>
        <li><a href="${root}apply/">依申请公开</a></li>
        <li><a href="${root}${config.feed_file}" type="application/atom+xml">订阅更新</a></li>
      </ul>
    </div>
  </footer>
</body>
</html>
