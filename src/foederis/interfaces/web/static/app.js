// foederis: the little JavaScript the pages need. No build step.
"use strict";
const foederis = (() => {
  const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
  const link_ = (src) => src.startsWith("http") ? `<a href="${esc(src)}" rel="noreferrer">${esc(src)}</a>` : esc(src);

  function matrix() {
    const data = document.getElementById("matrix-data");
    if (!data) return;
    const cells = JSON.parse(data.textContent);
    const tables = [...document.querySelectorAll("table.matrix")];
    const table = tables[0];
    const panel = document.getElementById("cell-reasons");
    const {alliance, weapon, date, options} = table.dataset;
    const permalink = (state, activity) => {
      const url = new URL("/matrix", location.origin);
      url.search = new URLSearchParams({alliance, weapon, on: date}).toString() + (options ? `&${options}` : "");
      url.hash = `cell-${state}-${activity}`;
      return url.toString();
    };
    function show(btn) {
      document.querySelectorAll("button.cell.selected").forEach((b) => b.classList.remove("selected"));
      btn.classList.add("selected");
      const {state, activity, verdict} = btn.dataset;
      const reasons = cells[state][activity] || [];
      const link = permalink(state, activity);
      const provisions = reasons.map((r) => r.provision).filter(Boolean).join(", ");
      const citation = `foederis, ${alliance.toUpperCase()} ${weapon.replaceAll("_", " ")} matrix, ${date}: ` +
        `${state} may ${activity}: ${verdict.replaceAll("_", " ")}` + (provisions ? ` (${provisions})` : "") + `. ${link}`;
      panel.innerHTML = `<h2 id="cell-title">${esc(state)} · ${esc(activity)}: ${esc(verdict.replaceAll("_", " "))}</h2>` +
        `<p class="small"><a id="cell-permalink" href="${esc(link)}">Permalink</a> · ` +
        `<button type="button" id="copy-citation">Copy citation</button> <span id="copied" class="muted" role="status"></span></p>` +
        `<p class="small muted" id="citation">${esc(citation)}</p>` +
        "<ul class='reasons'>" + reasons.map((r) => "<li>" +
          (r.provision ? `<a class="prov" href="/provisions/${esc(r.provision)}">${esc(r.provision)}</a> <span class="muted">${esc(r.heading)}</span>` : "") +
          `<div class="summary">${esc(r.summary)}</div>` +
          (r.events.length ? "<ul class='events'>" + r.events.map((e) => `<li>${esc(e.date)} · ${esc(e.action)} — source: ${link_(e.source)}</li>`).join("") + "</ul>" : "") +
          "</li>").join("") + "</ul>";
      document.getElementById("copy-citation").addEventListener("click", async () => {
        const said = document.getElementById("copied");
        try { await navigator.clipboard.writeText(citation); said.textContent = "copied"; }
        catch (e) { said.textContent = "select the text above to copy it"; }
      });
      if (location.hash !== `#cell-${state}-${activity}`) history.replaceState(null, "", `#cell-${state}-${activity}`);
    }
    tables.forEach((t) => t.addEventListener("click", (ev) => {
      const btn = ev.target.closest("button.cell");
      if (btn) show(btn);
    }));
    // arrow keys move between cells like a grid; Enter or Space (native button) shows the reasons
    tables.forEach((t) => t.addEventListener("keydown", (ev) => {
      const btn = ev.target.closest("button.cell");
      const moves = {ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0]};
      if (!btn || !(ev.key in moves)) return;
      const td = btn.closest("td"), tr = td.closest("tr");
      const rows = [...t.tBodies[0].rows];
      const [dr, dc] = moves[ev.key];
      const row = rows[rows.indexOf(tr) + dr];
      const col = [...tr.cells].indexOf(td) + dc;
      const next = row && row.cells[col] && row.cells[col].querySelector("button.cell");
      if (next) { ev.preventDefault(); next.focus(); }
    }));
    const fromHash = location.hash && document.getElementById(location.hash.slice(1));
    if (fromHash && fromHash.matches("button.cell")) { show(fromHash); fromHash.focus(); }
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
    const save = document.getElementById("save");
    if (!save) return;  // a bundled example: run only
    save.addEventListener("click", async () => {
      say("Saving…");
      const res = await fetch(`/v1/scenarios/${encodeURIComponent(name)}`, {
        method: "PUT",
        headers: {"Content-Type": "application/json", "Authorization": `Bearer ${token.value}`},
        body: JSON.stringify({text: text.value, message: document.getElementById("message").value}),
      });
      const body = await res.json();
      if (!res.ok) {
        const hint = res.status === 401 ? " To get a token, run `foederis token create --name YOUR-NAME` where the server runs, and paste it into the Token field." : "";
        say(`Not saved: ${body.field}: ${body.message}.${hint}`, true);
        return;
      }
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
