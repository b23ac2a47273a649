// Page tools of the portal: font size (remembered), print. Works without it too: back-to-top is a plain link.
(function () {
  var sizes = { large: "font-large", medium: "font-medium", small: "font-small" };
  function apply(size) {
    var root = document.documentElement;
    Object.keys(sizes).forEach(function (k) { root.classList.remove(sizes[k]); });
    if (sizes[size]) root.classList.add(sizes[size]);
    document.querySelectorAll(".font-size").forEach(function (b) {
      b.setAttribute("aria-pressed", b.getAttribute("data-size") === size ? "true" : "false");
    });
  }
  var saved = null;
  try { saved = localStorage.getItem("gongkai.fontSize"); } catch (e) { }
  apply(saved || "medium");
  document.querySelectorAll(".font-size").forEach(function (button) {
    button.addEventListener("click", function () {
      var size = button.getAttribute("data-size");
      apply(size);
      try { localStorage.setItem("gongkai.fontSize", size); } catch (e) { }
    });
  });
  document.querySelectorAll(".print-page").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });
})();
