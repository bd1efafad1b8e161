// Question bank: select-all for bulk actions and the editor's live preview.
(function () {
  "use strict";
  var all = document.getElementById("select-all");
  if (all) {
    all.addEventListener("change", function () {
      document.querySelectorAll('input[name="ids"]').forEach(function (box) { box.checked = all.checked; });
    });
  }

  var form = document.getElementById("question-form");
  if (!form) return;
  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
  }
  // The same light formatting as the server: escape, then **bold**, *italic*, line breaks.
  function light(text) {
    var html = escapeHtml(text || "");
    html = html.replace(/\*\*([\s\S]+?)\*\*/g, "<strong>$1</strong>");
    html = html.replace(/(^|[^*\w])\*(?!\s)([\s\S]+?)(?<!\s)\*(?![*\w])/g, "$1<em>$2</em>");
    return html.replace(/\n/g, "<br>");
  }
  var kind = form.querySelector('[name="kind"]');
  var text = form.querySelector('[name="text"]');
  var choicesBlock = document.getElementById("choices-block");
  var numericBlock = document.getElementById("numeric-block");
  var previewText = document.getElementById("preview-text");
  var previewChoices = document.getElementById("preview-choices");
  var previewNumeric = document.getElementById("preview-numeric");
  var multipleHint = form.dataset.multipleHint || "";

  function render() {
    var isNumeric = kind.value === "numeric";
    choicesBlock.hidden = isNumeric;
    numericBlock.hidden = !isNumeric;
    previewNumeric.hidden = !isNumeric;
    if (kind.value === "true_false") {
      var a = form.querySelector('[name="choice_0"]');
      var b = form.querySelector('[name="choice_1"]');
      if (a && !a.value) a.value = form.dataset.trueLabel || "Đúng";
      if (b && !b.value) b.value = form.dataset.falseLabel || "Sai";
    }
    previewText.innerHTML = light(text.value);
    previewChoices.innerHTML = "";
    if (isNumeric) return;
    var type = kind.value === "multiple" ? "checkbox" : "radio";
    for (var i = 0; i < 8; i++) {
      var input = form.querySelector('[name="choice_' + i + '"]');
      if (!input || !input.value.trim()) continue;
      var li = document.createElement("li");
      li.innerHTML = '<label><input type="' + type + '" name="preview" disabled> ' + light(input.value) + "</label>";
      previewChoices.appendChild(li);
    }
    if (multipleHint && type === "checkbox") previewText.innerHTML += '<p class="muted">' + escapeHtml(multipleHint) + "</p>";
  }
  form.addEventListener("input", render);
  form.addEventListener("change", render);
  render();
})();
