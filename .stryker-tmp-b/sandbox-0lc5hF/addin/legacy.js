/*
 * Runs only where module scripts do not (taskpane.html loads it with `nomodule`): Internet Explorer 11,
 * which is also the webview of Office 2016/2019 on Windows before 10 1903. The pane cannot run there,
 * so say so in Chinese and name the web page to open in a current browser instead.
 * Plain ES3: no let/const, no arrow functions, no template strings. Edge 16–18 (EdgeHTML) run both
 * module and nomodule scripts, so act only in IE (document.documentMode is IE's alone).
 */
// @ts-nocheck

(function () {
  if (!document.documentMode) return;
  var address = location.protocol + "//" + location.host + location.pathname;
  var app = document.getElementById("app");
  if (!app) return;
  while (app.firstChild) app.removeChild(app.firstChild);
  var box = document.createElement("div");
  box.className = "hz-legacy";
  box.setAttribute("role", "alert");
  var p1 = document.createElement("p");
  p1.appendChild(document.createTextNode("此处使用的是旧版 Internet Explorer 浏览器组件（旧版 Excel 的任务窗格也使用它），无法运行“科技报表检查”。"));
  var p2 = document.createElement("p");
  p2.appendChild(document.createTextNode("请用 Edge、Chrome、Firefox 或 360 安全浏览器（极速模式）打开下面的网页，在网页上检查并上传报表："));
  var p3 = document.createElement("p");
  var code = document.createElement("input");
  code.type = "text";
  code.readOnly = true;
  code.value = address;
  code.className = "hz-legacy-address";
  code.setAttribute("aria-label", "网页地址");
  code.onclick = function () {
    code.select();
  };
  p3.appendChild(code);
  box.appendChild(p1);
  box.appendChild(p2);
  box.appendChild(p3);
  app.appendChild(box);
  document.documentElement.setAttribute("data-legacy", "1");
})();
