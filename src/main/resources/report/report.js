"use strict";
// Draws every chart from the inlined options; SVG, so the page stays sharp when printed or zoomed.
(function () {
  const options = JSON.parse(document.getElementById("chart-options").textContent);
  let drawn = 0;
  for (const section of document.querySelectorAll("section.chart")) {
    const id = section.id.replace(/^chart-/, "");
    const chart = echarts.init(section.querySelector(".plot"), null, { renderer: "svg" });
    chart.setOption(options[id]);
    window.addEventListener("resize", () => chart.resize());
    drawn++;
  }
  document.body.dataset.chartsDrawn = String(drawn);
  const search = document.getElementById("sample-search");
  search.addEventListener("input", () => {
    const needle = search.value.toLowerCase();
    for (const row of document.querySelectorAll("#sample-table tbody tr")) {
      row.style.display = row.textContent.toLowerCase().includes(needle) ? "" : "none";
    }
  });
  const reviewUrl = document.getElementById("review-url");
  reviewUrl.value = localStorage.getItem("instructgen-review-url") || "";
  reviewUrl.addEventListener("change", () => localStorage.setItem("instructgen-review-url", reviewUrl.value));
  for (const link of document.querySelectorAll("a.review-link")) {
    link.addEventListener("click", (e) => {
      e.preventDefault();
      if (!reviewUrl.value) { reviewUrl.focus(); return; }
      window.open(reviewUrl.value.split("#")[0] + "#example=" + encodeURIComponent(link.dataset.id), "_blank");
    });
  }
})();
