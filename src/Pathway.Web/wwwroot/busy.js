// A status for waits: a link or form marked data-busy="Preparing your file…" shows that text with an
// indeterminate progress bar from the click until the wait is over. Without script the link simply works.
//
// A link to a file leaves the page in place, so the page must learn when the download started: the link gets a
// random ?download-token=…, and the server answers with a short-lived cookie named after it
// (Operations/DownloadStartedSignal.cs), which is watched for here. Chosen over fetching the file into a blob:
// the browser still streams the file to disk with its own progress and name, however large (the whole-world
// workbook), and an error page still shows as a page. A link or form that opens another page ends the status
// by replacing this one; coming back to the page from history clears it.
(() => {
    const marked = document.querySelectorAll("a[data-busy], form[data-busy]");
    if (marked.length === 0) {
        return;
    }
    const tokenParameter = "download-token";
    const cookiePrefix = "download-started-";
    const giveUpAfter = 5 * 60 * 1000;
    const pollEvery = 250;
    const statuses = [];

    // The live region exists (empty) before it speaks, so screen readers announce the text when it appears.
    const statusFor = (element) => {
        const status = document.createElement("span");
        status.className = "busy-status";
        status.setAttribute("role", "status");
        status.setAttribute("aria-live", "polite");
        if (element.tagName === "FORM") {
            element.append(status);
        } else {
            element.after(status);
        }
        statuses.push(status);
        return status;
    };

    const show = (status, text) => {
        const bar = document.createElement("progress");
        bar.className = "busy-progress";
        bar.setAttribute("aria-hidden", "true");
        const label = document.createElement("span");
        label.textContent = text;
        status.replaceChildren(bar, label);
        status.classList.add("busy-active");
    };

    const clear = (status) => {
        status.replaceChildren();
        status.classList.remove("busy-active");
    };

    const token = () => {
        const bytes = new Uint8Array(12);
        crypto.getRandomValues(bytes);
        return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
    };

    const cookieSet = (name) => document.cookie.split("; ").some((pair) => pair.startsWith(name + "="));

    const watchDownload = (link, status, original) => {
        const id = token();
        const address = new URL(original, document.baseURI);
        address.searchParams.set(tokenParameter, id);
        // Set before the click's default action runs, which reads the address then; put back once it has.
        link.href = address.href;
        setTimeout(() => { link.href = original; }, 0);
        const name = cookiePrefix + id;
        const started = Date.now();
        const timer = setInterval(() => {
            const done = cookieSet(name);
            if (done || Date.now() - started > giveUpAfter) {
                clearInterval(timer);
                document.cookie = `${name}=; Max-Age=0; Path=/; SameSite=Strict`;
                clear(status);
            }
        }, pollEvery);
    };

    for (const element of marked) {
        const status = statusFor(element);
        if (element.tagName === "FORM") {
            element.addEventListener("submit", () => show(status, element.dataset.busy));
            continue;
        }
        element.addEventListener("click", (event) => {
            // A click that opens a new tab or window, or a download the browser will not start, leaves the page alone.
            if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
                return;
            }
            show(status, element.dataset.busy);
            watchDownload(element, status, element.getAttribute("href"));
        });
    }

    window.addEventListener("pageshow", (event) => {
        if (event.persisted) {
            statuses.forEach(clear);
        }
    });
})();
