// Progressive enhancement: the pages work without it. Ticking a facet value or
// changing the sort order applies it at once (the "Apply filters" button stays
// for keyboards and for pages without scripts).
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("search");
  if (!form) { return; }
  // Leave empty fields out of the URL, so that it stays short and shareable.
  function dropEmpty() {
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.name && field.type !== "checkbox" && field.value === "") {
        field.disabled = true;
      }
    });
  }
  form.addEventListener("change", function (event) {
    var target = event.target;
    if (target.type === "checkbox" || target.tagName === "SELECT") {
      dropEmpty();
      form.submit();
    }
  });
  form.addEventListener("submit", dropEmpty);
  form.classList.add("live");
});
