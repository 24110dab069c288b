/// The workbench's script and style sheet, served as files (`/static/app.js`, `/static/app.css`): the
/// Content-Security-Policy runs no inline script. The script builds every row with `textContent`, never HTML, so
/// dump text cannot become markup in the browser either.
enum Assets {
    static let script = #"""
        "use strict";
        (function () {
          const csrf = document.querySelector('meta[name="csrf-token"]').content;
          const page = document.body.dataset.page;
          const status = document.getElementById("status");
          let pending = 0;
          let idleWaiters = [];
          // For tests and people: resolves when no request is in flight.
          window.proofmarkIdle = function () {
            return pending === 0 ? Promise.resolve() : new Promise(function (resolve) { idleWaiters.push(resolve); });
          };
          function begin() { pending += 1; document.body.dataset.busy = "1"; }
          function end() {
            pending -= 1;
            if (pending === 0) {
              document.body.dataset.busy = "0";
              const waiters = idleWaiters; idleWaiters = [];
              waiters.forEach(function (resolve) { resolve(); });
            }
          }
          function say(text) { status.textContent = text; }

          async function getJSON(url) {
            begin();
            try {
              const response = await fetch(url, { credentials: "same-origin" });
              const body = await response.json();
              if (!response.ok) { throw new Error(body.error || response.statusText); }
              return body;
            } finally { end(); }
          }
          async function postJSON(url, value) {
            begin();
            try {
              const response = await fetch(url, {
                method: "POST", credentials: "same-origin",
                headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
                body: JSON.stringify(value)
              });
              const body = await response.json();
              if (!response.ok) { throw new Error(body.error || response.statusText); }
              return body;
            } finally { end(); }
          }
          function cell(row, text) {
            const td = document.createElement("td");
            td.textContent = text === undefined || text === null ? "" : String(text);
            row.appendChild(td);
            return td;
          }

          // The dismiss dialog: a reason from the list or typed.
          const dialog = document.getElementById("dismiss-dialog");
          let onDismiss = null;
          function askReason(then) {
            onDismiss = then;
            dialog.hidden = false;
            document.getElementById("reason-text").value = "";
            document.getElementById("reason-select").focus();
          }
          function closeDialog() {
            dialog.hidden = true; onDismiss = null;
            if (document.activeElement && document.activeElement.blur) { document.activeElement.blur(); }
          }
          if (dialog) {
            document.getElementById("dismiss-ok").addEventListener("click", function () {
              const typed = document.getElementById("reason-text").value.trim();
              const chosen = document.getElementById("reason-select").value;
              const then = onDismiss;
              closeDialog();
              if (then) { then(typed || chosen); }
            });
            document.getElementById("dismiss-cancel").addEventListener("click", closeDialog);
            dialog.addEventListener("keydown", function (event) {
              if (event.key === "Enter") { event.preventDefault(); document.getElementById("dismiss-ok").click(); }
              if (event.key === "Escape") { closeDialog(); }
              event.stopPropagation();
            });
          }

          if (page === "queue") { queuePage(); }
          if (page === "finding") { findingPage(); }
          if (page === "filing") { filingPage(); }

          function queuePage() {
            const limit = 100;
            let offset = 0;
            let cursor = 0;
            let current = null;
            let bulk = null;
            const tbody = document.querySelector("#queue tbody");
            const selects = Array.from(document.querySelectorAll("[data-filter]"));
            function filters() {
              const value = {};
              selects.forEach(function (element) {
                if (element.value !== "") { value[element.dataset.filter] = element.value; }
              });
              if (value.min_score !== undefined) { value.min_score = Number(value.min_score); }
              return value;
            }
            function query() {
              const parameters = new URLSearchParams();
              const value = filters();
              Object.keys(value).forEach(function (key) { parameters.set(key, String(value[key])); });
              parameters.set("offset", String(offset));
              parameters.set("limit", String(limit));
              return parameters.toString();
            }
            async function load() {
              try {
                current = await getJSON("/api/queue?" + query());
              } catch (error) { say("could not load the queue: " + error.message); return; }
              render();
            }
            function fillChoices() {
              selects.forEach(function (element) {
                const name = element.dataset.filter;
                const choices = current.values[name];
                if (!choices || element.options.length > 1) { return; }
                choices.forEach(function (choice) {
                  const option = document.createElement("option");
                  option.value = choice; option.textContent = choice;
                  element.appendChild(option);
                });
              });
            }
            function render() {
              fillChoices();
              document.getElementById("night").textContent = current.night ? "· night " + current.night : "· no night yet";
              const parts = [current.matching + " of " + current.total + " findings"];
              ["severity", "review", "status"].forEach(function (name) {
                const tally = current.counts[name] || {};
                const keys = Object.keys(tally).sort();
                if (keys.length) { parts.push(keys.map(function (key) { return key + " " + tally[key]; }).join(", ")); }
              });
              document.getElementById("counts").textContent = parts.join(" · ");
              tbody.replaceChildren();
              current.items.forEach(function (item, index) {
                const row = document.createElement("tr");
                row.dataset.id = item.id;
                row.dataset.review = item.review;
                cell(row, item.severity); cell(row, item.score.toFixed(3)); cell(row, item.status);
                cell(row, item.brand); cell(row, item.marketplace); cell(row, item.listing);
                const title = cell(row, "");
                const link = document.createElement("a");
                link.href = "/finding/" + encodeURIComponent(item.id);
                link.textContent = item.title || item.id;
                title.appendChild(link);
                cell(row, [item.price, item.currency].filter(Boolean).join(" "));
                cell(row, item.seller);
                cell(row, item.review + (item.reason ? " (" + item.reason + ")" : ""));
                row.addEventListener("click", function () { cursor = index; mark(); });
                tbody.appendChild(row);
              });
              if (cursor >= current.items.length) { cursor = Math.max(0, current.items.length - 1); }
              const last = Math.min(current.matching, offset + current.items.length);
              document.getElementById("page").textContent =
                current.matching ? (offset + 1) + "–" + last + " of " + current.matching : "nothing matches";
              mark();
            }
            function mark() {
              Array.from(tbody.children).forEach(function (row, index) {
                row.classList.toggle("current", index === cursor);
                if (index === cursor) { row.scrollIntoView({ block: "nearest" }); }
              });
              document.body.dataset.current = current && current.items[cursor] ? current.items[cursor].id : "";
            }
            function move(step) {
              if (!current) { return; }
              const next = cursor + step;
              if (next >= current.items.length && offset + limit < current.matching) {
                offset += limit; cursor = 0; load(); return;
              }
              if (next < 0 && offset > 0) { offset = Math.max(0, offset - limit); cursor = limit - 1; load(); return; }
              cursor = Math.max(0, Math.min(current.items.length - 1, next));
              mark();
            }
            // Each action counts as one request in flight until the queue shows its outcome.
            async function decide(decision, reason) {
              const item = current && current.items[cursor];
              if (!item) { return; }
              begin();
              try {
                const seen = {}; seen[item.id] = item.revision;
                await postJSON("/api/decide", { ids: [item.id], seen: seen, decision: decision, reason: reason || null });
                say(decision + " " + item.id);
                if (decision !== "withdrawn") { cursor += 1; }
              } catch (error) { say("not recorded: " + error.message); }
              try { await load(); } finally { end(); }
            }
            function askBulk(decision) {
              if (!current) { return; }
              bulk = { decision: decision, filter: filters(), expected: current.matching };
              document.getElementById("bulk-question").textContent =
                (decision === "confirmed" ? "Confirm " : "Dismiss ") + current.matching + " findings matching the filters?";
              document.getElementById("bulk-panel").hidden = false;
            }
            async function runBulk(reason) {
              const request = bulk; bulk = null;
              document.getElementById("bulk-panel").hidden = true;
              if (!request) { return; }
              begin();
              try {
                const reply = await postJSON("/api/decide", {
                  filter: request.filter, expected: request.expected, decision: request.decision, reason: reason || null
                });
                say(request.decision + " " + reply.written + " findings");
              } catch (error) { say("not recorded: " + error.message); }
              try { await load(); } finally { end(); }
            }
            document.getElementById("bulk-confirm").addEventListener("click", function () { askBulk("confirmed"); });
            document.getElementById("bulk-dismiss").addEventListener("click", function () { askBulk("dismissed"); });
            document.getElementById("bulk-yes").addEventListener("click", function () {
              if (bulk && bulk.decision === "dismissed") { askReason(runBulk); } else { runBulk(null); }
            });
            document.getElementById("bulk-no").addEventListener("click", function () {
              bulk = null; document.getElementById("bulk-panel").hidden = true;
            });
            document.getElementById("prev").addEventListener("click", function () {
              offset = Math.max(0, offset - limit); cursor = 0; load();
            });
            document.getElementById("next").addEventListener("click", function () {
              if (current && offset + limit < current.matching) { offset += limit; cursor = 0; load(); }
            });
            selects.forEach(function (element) {
              element.addEventListener("change", function () { offset = 0; cursor = 0; load(); });
            });
            document.addEventListener("keydown", function (event) {
              if (event.target.closest && event.target.closest("input, select, textarea")) { return; }
              if (event.ctrlKey || event.metaKey || event.altKey || !dialog.hidden) { return; }
              const item = current && current.items[cursor];
              switch (event.key) {
                case "j": move(1); break;
                case "k": move(-1); break;
                case "c": decide("confirmed"); break;
                case "d": if (item) { askReason(function (reason) { decide("dismissed", reason); }); } break;
                case "u": decide("withdrawn"); break;
                case "Enter": case "o": if (item) { window.location.href = "/finding/" + encodeURIComponent(item.id); } break;
                default: return;
              }
              event.preventDefault();
            });
            load();
          }

          function findingPage() {
            const id = document.body.dataset.finding;
            async function decide(decision, reason) {
              try {
                const seen = {}; seen[id] = Number(document.body.dataset.revision || "0");
                const reply = await postJSON("/api/decide", { ids: [id], seen: seen, decision: decision, reason: reason || null });
                document.body.dataset.revision = String(reply.revisions[id] || 0);
                say(decision);
                document.getElementById("decision").textContent =
                  decision === "withdrawn" ? "Not reviewed." : decision + (reason ? ": " + reason : "");
              } catch (error) { say("not recorded: " + error.message); }
            }
            document.getElementById("confirm").addEventListener("click", function () { decide("confirmed"); });
            document.getElementById("dismiss").addEventListener("click", function () {
              askReason(function (reason) { decide("dismissed", reason); });
            });
            document.getElementById("undo").addEventListener("click", function () { decide("withdrawn"); });
            document.addEventListener("keydown", function (event) {
              if (event.target.closest && event.target.closest("input, select, textarea")) { return; }
              if (event.ctrlKey || event.metaKey || event.altKey || !dialog.hidden) { return; }
              if (event.key === "c") { document.getElementById("confirm").click(); }
              else if (event.key === "d") { document.getElementById("dismiss").click(); }
              else if (event.key === "u") { document.getElementById("undo").click(); }
              else { return; }
              event.preventDefault();
            });
          }

          function filingPage() {
            const result = document.getElementById("export-result");
            function add(parent, tag, text) {
              const element = document.createElement(tag);
              if (text !== undefined) { element.textContent = text; }
              parent.appendChild(element);
              return element;
            }
            document.querySelectorAll("button.export").forEach(function (button) {
              button.addEventListener("click", async function () {
                const channel = button.dataset.channel;
                result.replaceChildren();
                let reply;
                try {
                  reply = await postJSON("/api/export", { channel: channel });
                } catch (error) { add(result, "p", "export failed: " + error.message); return; }
                result.dataset.channel = channel;
                add(result, "h2", channel);
                add(result, "p", reply.candidates + " candidates, " + reply.exported + " exported, " +
                  reply.refused + " refused, " + reply.warnings + " warnings");
                if (reply.issues.length) {
                  const table = add(result, "table");
                  table.className = "issues";
                  const head = add(table, "tr");
                  ["Finding", "Level", "Check", "Reason"].forEach(function (name) { add(head, "th", name); });
                  reply.issues.forEach(function (issue) {
                    const row = add(table, "tr");
                    row.className = issue.level;
                    [issue.finding, issue.level, issue.check, issue.message].forEach(function (text) { add(row, "td", text); });
                  });
                }
                const list = add(result, "ul");
                list.id = "export-files";
                reply.files.forEach(function (file) {
                  const link = add(add(list, "li"), "a", file.path);
                  link.href = file.href;
                });
                say("exported " + channel);
              });
            });
          }
        })();
        """#

    static let style = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 0 1.5em 2em; color: #1c1c1c; }
        nav { padding: .6em 0; border-bottom: 1px solid #ccc; margin-bottom: .6em; }
        nav a { margin-right: 1em; }
        #status { color: #2f5f8f; margin-left: 1em; }
        h1 { font-size: 1.3em; margin: .3em 0; }
        h2 { font-size: 1.1em; margin-top: 1.2em; }
        #filters label { margin-right: .8em; }
        #counts { color: #444; }
        .keys { color: #666; font-size: .9em; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .25em .5em; border-bottom: 1px solid #e4e4e4; vertical-align: top; }
        #queue td:nth-child(7) { max-width: 28em; overflow-wrap: anywhere; }
        tr.current { background: #fff2b3; outline: 2px solid #d9a400; }
        tr[data-review="confirmed"] td:last-child { color: #1d6b2a; font-weight: 600; }
        tr[data-review="dismissed"] td:last-child { color: #8a1f1f; }
        #dismiss-dialog { position: fixed; top: 30%; left: 30%; background: #fff; border: 2px solid #333;
          padding: 1em; box-shadow: 0 4px 18px rgba(0,0,0,.3); }
        .pictures { display: flex; flex-wrap: wrap; gap: 1em; }
        .pictures img { max-width: 100%; border: 1px solid #ccc; }
        figure { margin: 0; }
        mark { background: #ffd54d; }
        .quiet { color: #777; }
        tr.refuse td { color: #8a1f1f; }
        tr.warn td { color: #8a6d1f; }
        """
}
