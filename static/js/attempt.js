// The attempt page: renders the participant's questions from the JSON API, saves each
// answer the moment it is chosen (retrying on a weak connection), and counts down
// with the server's remaining time. The server alone decides what is on time.
(function () {
  "use strict";
  var root = document.getElementById("attempt");
  if (!root) return;
  var T = JSON.parse(document.getElementById("attempt-i18n").textContent);
  var stateUrl = root.dataset.api;
  var resultUrl = root.dataset.resultUrl;
  var csrf = root.dataset.csrf;
  var timerEl = document.getElementById("timer");
  var connEl = document.getElementById("connection");
  var listEl = document.getElementById("questions");
  var paletteEl = document.getElementById("palette");
  var submitBtn = document.getElementById("submit");
  var deadlineAt = null; // performance.now() timestamp of the server deadline
  var pending = {}; // position -> payload waiting to be sent
  var inflight = {};
  var finished = false;
  var data = null;

  function escapeHtml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
  }
  function light(text) {
    var html = escapeHtml(text || "");
    html = html.replace(/\*\*([\s\S]+?)\*\*/g, "<strong>$1</strong>");
    html = html.replace(/(^|[^*\w])\*(?!\s)([\s\S]+?)(?<!\s)\*(?![*\w])/g, "$1<em>$2</em>");
    return html.replace(/\n/g, "<br>");
  }
  function api(method, url, body) {
    var opts = { method: method, credentials: "same-origin", headers: { "Accept": "application/json" } };
    if (body !== undefined) {
      opts.headers["Content-Type"] = "application/json";
      opts.headers["X-CSRFToken"] = csrf;
      opts.body = JSON.stringify(body);
    } else if (method !== "GET") {
      opts.headers["X-CSRFToken"] = csrf;
    }
    return fetch(url, opts).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (json) {
        return { ok: res.ok, status: res.status, body: json };
      });
    });
  }
  function setConnection(text, bad) {
    connEl.textContent = text || "";
    connEl.className = "connection" + (bad ? " bad" : "");
  }
  function syncClock(remaining) {
    deadlineAt = performance.now() + remaining * 1000;
  }
  function tick() {
    if (deadlineAt === null || finished) return;
    var left = Math.max(0, Math.round((deadlineAt - performance.now()) / 1000));
    var m = Math.floor(left / 60), s = left % 60;
    timerEl.textContent = (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s;
    timerEl.classList.toggle("low", left <= 60);
    if (left <= 0) {
      setConnection(T.timeup, false);
      submit(true);
    }
  }

  function render(state) {
    data = state;
    syncClock(state.remaining_seconds);
    listEl.innerHTML = "";
    paletteEl.innerHTML = "";
    state.questions.forEach(function (q, index) {
      var li = document.createElement("li");
      li.className = "question card";
      li.id = "q" + q.position;
      var multiple = q.kind === "multiple";
      var html = '<fieldset><legend><span class="q-number">' + escapeHtml(T.question) + " " + (index + 1) +
        '</span><span class="q-text">' + light(q.text) + "</span></legend>";
      if (q.image_url) html += '<img class="q-image" alt="" src="' + escapeHtml(q.image_url) + '">';
      if (multiple) html += '<p class="muted">' + escapeHtml(T.chooseAll) + "</p>";
      if (q.kind === "numeric") {
        html += '<label class="visually-hidden" for="n' + q.position + '">' + escapeHtml(T.typeNumber) + "</label>" +
          '<input type="text" inputmode="decimal" id="n' + q.position + '" data-position="' + q.position +
          '" value="' + escapeHtml(q.number || "") + '" placeholder="' + escapeHtml(T.typeNumber) + '">';
      } else {
        q.choices.forEach(function (c, ci) {
          var id = "c" + q.position + "-" + c.id;
          var checked = q.selected.indexOf(c.id) >= 0 ? " checked" : "";
          html += '<label class="option" for="' + id + '"><input type="' + (multiple ? "checkbox" : "radio") +
            '" name="q' + q.position + '" id="' + id + '" value="' + c.id + '" data-position="' + q.position + '"' + checked +
            '> <span class="letter">' + "ABCDEFGH".charAt(ci) + ".</span> <span>" + light(c.text) + "</span></label>";
        });
      }
      html += '<span class="save-state" id="s' + q.position + '" aria-live="polite"></span></fieldset>';
      li.innerHTML = html;
      listEl.appendChild(li);
      var a = document.createElement("a");
      a.href = "#q" + q.position;
      a.textContent = String(index + 1);
      a.id = "p" + q.position;
      paletteEl.appendChild(a);
      markAnswered(q.position, q.selected.length > 0 || (q.number !== null && q.number !== ""));
    });
    if (state.prediction_question) {
      document.getElementById("prediction-block").hidden = false;
      document.getElementById("prediction-label").textContent = state.prediction_question;
      var p = document.getElementById("prediction");
      if (state.prediction !== null) p.value = state.prediction;
    }
  }
  function markAnswered(position, answered) {
    var a = document.getElementById("p" + position);
    if (a) {
      a.classList.toggle("answered", answered);
      a.setAttribute("aria-label", a.textContent + (answered ? " (" + T.answered + ")" : ""));
    }
  }
  function setState(position, text, bad) {
    var el = document.getElementById("s" + position);
    if (el) { el.textContent = text; el.className = "save-state" + (bad ? " bad" : ""); }
  }

  function collect(position) {
    var inputs = listEl.querySelectorAll('[data-position="' + position + '"]');
    if (inputs.length === 1 && inputs[0].type === "text") return { number: inputs[0].value.trim() || null };
    var selected = [];
    inputs.forEach(function (i) { if (i.checked) selected.push(parseInt(i.value, 10)); });
    return { selected: selected };
  }
  function queue(position) {
    pending[position] = collect(position);
    var payload = pending[position];
    markAnswered(position, (payload.selected && payload.selected.length > 0) || !!payload.number);
    send(position, 0);
  }
  function send(position, tries) {
    if (inflight[position] || !(position in pending) || finished) return;
    var payload = pending[position];
    delete pending[position];
    inflight[position] = true;
    setState(position, T.saving, false);
    api("PUT", stateUrl + "/answers/" + position, payload).then(function (res) {
      inflight[position] = false;
      if (res.ok) {
        setConnection("", false);
        syncClock(res.body.remaining_seconds);
        if (!(position in pending)) setState(position, T.saved, false);
        send(position, 0);
      } else if (res.status >= 400 && res.status < 500) {
        setState(position, res.body.message || T.error, true);
        if (res.body.code === "finished" || res.body.code === "deadline_passed") goToResult();
      } else {
        retry(position, payload, tries);
      }
    }, function () {
      inflight[position] = false;
      setConnection(T.offline, true);
      retry(position, payload, tries);
    });
  }
  function retry(position, payload, tries) {
    if (!(position in pending)) pending[position] = payload;
    setState(position, T.retrying, true);
    setTimeout(function () { send(position, tries + 1); }, Math.min(30000, 1000 * Math.pow(2, tries)));
  }
  function flushAll() {
    Object.keys(pending).forEach(function (p) { send(p, 0); });
  }

  function goToResult() {
    finished = true;
    window.location.href = resultUrl;
  }
  function submit(auto) {
    if (finished) return;
    if (!auto) {
      var missing = [];
      data.questions.forEach(function (q, i) {
        var a = document.getElementById("p" + q.position);
        if (a && !a.classList.contains("answered")) missing.push(i + 1);
      });
      var text = T.confirm + (missing.length ? "\n" + T.unanswered + " " + missing.join(", ") : "");
      if (!window.confirm(text)) return;
    }
    finished = true;
    submitBtn.disabled = true;
    var waitForSaves = function (n) {
      var busy = Object.keys(inflight).some(function (k) { return inflight[k]; }) || Object.keys(pending).length;
      if (busy && n < 20) { finished = false; flushAll(); finished = true; setTimeout(function () { waitForSaves(n + 1); }, 250); return; }
      api("POST", stateUrl + "/submit").then(function (res) {
        if (res.ok || res.status === 404) goToResult();
        else { finished = false; submitBtn.disabled = false; setConnection(res.body.message || T.error, true); }
      }, function () {
        finished = false; submitBtn.disabled = false; setConnection(T.offline, true);
        setTimeout(function () { submit(true); }, 3000);
      });
    };
    waitForSaves(0);
  }

  listEl.addEventListener("change", function (e) {
    var pos = e.target.dataset.position;
    if (pos !== undefined) queue(pos);
  });
  var prediction = document.getElementById("prediction");
  prediction.addEventListener("change", function () {
    var value = prediction.value === "" ? null : parseInt(prediction.value, 10);
    var state = document.getElementById("prediction-state");
    state.textContent = T.saving;
    api("PUT", stateUrl + "/prediction", { prediction: value }).then(function (res) {
      state.textContent = res.ok ? T.saved : (res.body.message || T.error);
      state.className = "save-state" + (res.ok ? "" : " bad");
    }, function () { state.textContent = T.offline; state.className = "save-state bad"; });
  });
  submitBtn.addEventListener("click", function () { submit(false); });
  window.addEventListener("online", function () { setConnection(T.online, false); flushAll(); });
  window.addEventListener("offline", function () { setConnection(T.offline, true); });

  function load() {
    api("GET", stateUrl).then(function (res) {
      if (!res.ok) { setConnection(res.body.message || T.error, true); return; }
      if (res.body.status !== "in_progress") { goToResult(); return; }
      render(res.body);
      tick();
    }, function () { setConnection(T.offline, true); setTimeout(load, 3000); });
  }
  // Re-read the server's clock now and then, so a sleeping phone cannot drift.
  setInterval(function () {
    if (finished || !data) return;
    api("GET", stateUrl).then(function (res) {
      if (res.ok) {
        if (res.body.status !== "in_progress") goToResult();
        else syncClock(res.body.remaining_seconds);
      }
    }, function () {});
  }, 30000);
  setInterval(tick, 1000);
  load();
})();
