// The report's print button: shown only where script runs (without it, the hint names the browser's Print command).
for (const button of document.querySelectorAll(".report-print")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
}
