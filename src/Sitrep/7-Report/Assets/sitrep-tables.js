// Makes the events and actors tables sortable: a click on a column's header orders the rows by it,
// a second click reverses the order. Numbers sort as numbers; "undated" and empty cells go last.
(() => {
  "use strict";
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  for (const table of document.querySelectorAll("table.events, table.actors")) {
    const headers = [...table.tHead.rows[0].cells];
    headers.forEach((header, column) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = header.textContent;
      header.replaceChildren(button);
      button.addEventListener("click", () => {
        const ascending = header.getAttribute("aria-sort") !== "ascending";
        headers.forEach(h => h.removeAttribute("aria-sort"));
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const body = table.tBodies[0];
        const key = row => row.cells[column].textContent.trim();
        const rows = [...body.rows].sort((a, b) => {
          const [x, y] = [key(a), key(b)];
          const missing = (x === "" || x === "undated") - (y === "" || y === "undated");
          return missing || (ascending ? 1 : -1) * collator.compare(x, y);
        });
        body.append(...rows);
      });
    });
  }
})();
