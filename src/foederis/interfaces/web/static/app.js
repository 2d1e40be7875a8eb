// foederis: the little JavaScript the pages need. No build step.
"use strict";
const foederis = (() => {
  const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
  const link = (src) => src.startsWith("http") ? `<a href="${esc(src)}" rel="noreferrer">${esc(src)}</a>` : esc(src);

  function matrix() {
    const data = document.getElementById("matrix-data");
    if (!data) return;
    const cells = JSON.parse(data.textContent);
    const panel = document.getElementById("cell-reasons");
    document.getElementById("matrix").addEventListener("click", (ev) => {
      const btn = ev.target.closest("button.cell");
      if (!btn) return;
      document.querySelectorAll("button.cell.selected").forEach((b) => b.classList.remove("selected"));
      btn.classList.add("selected");
      const {state, activity, verdict} = btn.dataset;
      const reasons = cells[state][activity] || [];
      panel.innerHTML = `<h2 id="cell-title">${esc(state)} · ${esc(activity)}: ${esc(verdict.replaceAll("_", " "))}</h2>` +
        "<ul class='reasons'>" + reasons.map((r) => "<li>" +
          (r.provision ? `<a class="prov" href="/provisions/${esc(r.provision)}">${esc(r.provision)}</a> <span class="muted">${esc(r.heading)}</span>` : "") +
          `<div class="summary">${esc(r.summary)}</div>` +
          (r.events.length ? "<ul class='events'>" + r.events.map((e) => `<li>${esc(e.date)} · ${esc(e.action)} — source: ${link(e.source)}</li>`).join("") + "</ul>" : "") +
          "</li>").join("") + "</ul>";
    });
  }

  function withdrawal() {
    const add = document.getElementById("add-conflict");
    if (!add) return;
    add.addEventListener("click", () => {
      const input = document.createElement("input");
      input.name = "conflict";
      input.placeholder = "2027-05-01..";
      add.before(input);
      input.focus();
    });
  }

  function scenario(name) {
    const text = document.getElementById("scenario-text");
    const status = document.getElementById("scenario-status");
    const token = document.getElementById("token");
    // The token stays in this page's memory only: never in localStorage, where any script could read it later.
    try { localStorage.removeItem("foederis-token"); } catch (e) { /* storage disabled */ }
    const say = (msg, bad) => { status.textContent = msg; status.className = bad ? "error" : "muted"; };
    document.getElementById("run").addEventListener("click", async () => {
      say("Running…");
      const res = await fetch("/web/scenario-run", {method: "POST", headers: {"Content-Type": "text/plain"}, body: text.value});
      document.getElementById("scenario-result").innerHTML = await res.text();
      say(res.ok ? "Ran." : "The scenario has errors: see below.", !res.ok);
    });
    document.getElementById("save").addEventListener("click", async () => {
      say("Saving…");
      const res = await fetch(`/v1/scenarios/${encodeURIComponent(name)}`, {
        method: "PUT",
        headers: {"Content-Type": "application/json", "Authorization": `Bearer ${token.value}`},
        body: JSON.stringify({text: text.value, message: document.getElementById("message").value}),
      });
      const body = await res.json();
      if (!res.ok) { say(`Not saved: ${body.field}: ${body.message}`, true); return; }
      say(`Saved revision ${body.revision}.`);
      document.getElementById("changelog").innerHTML = body.changelog.map((r) =>
        `<li>r${r.number} · ${esc(r.created_at.slice(0, 19).replace("T", " "))} · ${esc(r.author)}${r.message ? " — " + esc(r.message) : ""}</li>`).join("");
      const rev = document.getElementById("revision");
      if (rev) rev.textContent = body.revision;
      else document.getElementById("revision-none").innerHTML = `revision <span id="revision">${body.revision}</span>`;
    });
  }

  return {matrix, withdrawal, scenario};
})();
