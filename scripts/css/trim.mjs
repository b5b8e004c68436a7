// Trims Bootstrap to the rules Pathway's pages use, for both directions, and writes the result into
// wwwroot/css/ (committed: the app never runs Node). Run after adding Bootstrap classes to a page:
//   cd scripts/css && npm ci && npm run trim
// The class names are read from every .razor and .cs file of the web project, so a class a component
// builds in C# (StatusBadge.ColourOf) counts as long as it is written out whole there.
import { PurgeCSS } from "purgecss";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const web = path.join(here, "..", "..", "src", "Pathway.Web");
const output = path.join(web, "wwwroot", "css");

// Classes and attributes set by the framework or the browser rather than written in our files.
const safelist = {
    standard: [
        "active", "show", "disabled", // NavLink marks the current page "active"; <details open> shows the menu
        "valid", "invalid", "modified", "validation-message", "validation-errors", // Blazor's form state classes
        "html", "body",
    ],
    // Direction, theme and <details> state live in attributes the rules select on.
    greedy: [/dir/, /data-bs-theme/, /open/],
};

const targets = [
    ["bootstrap.min.css", "bootstrap.trimmed.css"],
    ["bootstrap.rtl.min.css", "bootstrap.rtl.trimmed.css"],
];

await mkdir(output, { recursive: true });
for (const [source, target] of targets) {
    const [result] = await new PurgeCSS().purge({
        content: [`${web}/**/*.razor`, `${web}/**/*.cs`],
        skippedContentGlobs: [`${web}/bin/**`, `${web}/obj/**`, `${web}/Data/Migrations/**`],
        css: [path.join(here, "vendor", source)],
        safelist,
        // Every custom property (--bs-*) stays: app.css uses some that no kept Bootstrap rule does.
        variables: false,
        keyframes: true,
        fontFace: true,
        // The default extractor splits on anything but letters, digits, - and _, which finds
        // class="btn btn-primary", "text-bg-success" in C#, and @(x ? "fw-bold" : null).
        defaultExtractor: content => content.match(/[A-Za-z0-9_-]+/g) ?? [],
    });
    const licence = "/*! Bootstrap v5.3.3 (https://getbootstrap.com/), MIT licence; trimmed to Pathway's pages by scripts/css/trim.mjs */\n";
    await writeFile(path.join(output, target), licence + result.css + "\n");
    const before = (await readFile(path.join(here, "vendor", source))).length;
    console.log(`${target}: ${result.css.length} bytes (from ${before})`);
}
