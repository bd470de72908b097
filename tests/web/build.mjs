// Bundle the test page: `node build.mjs OUTDIR` writes OUTDIR/index.html and OUTDIR/harness.js,
// with React in production mode. Packages come from SOKETS_NODE_MODULES (where .ci/run installs
// tests/web/package.json; default: <repository>/.node/node_modules).

import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = process.env.SOKETS_NODE_MODULES || resolve(here, "../../.node/node_modules");
const require = createRequire(join(modules, "sokets-web-build.js"));
const esbuild = require("esbuild");

const [out] = process.argv.slice(2);
if (!out) {
  console.error("usage: node build.mjs OUTDIR");
  process.exit(2);
}

await esbuild.build({
  entryPoints: [join(here, "harness.js")],
  bundle: true,
  format: "iife",
  outfile: join(out, "harness.js"),
  nodePaths: [modules],
  define: { "process.env.NODE_ENV": '"production"' },
  target: "chrome120",
  minify: true,
  logLevel: "warning",
});

const style = `
  body { font: 15px/1.45 "Liberation Sans", Arial, sans-serif; margin: 24px auto; max-width: 980px; }
  fieldset { border: 1px solid #c8ccd2; border-radius: 4px; margin: 10px 0; padding: 8px 14px; }
  legend { font-weight: bold; }
  label { display: block; font-weight: 600; margin: 6px 0 2px; }
  input, select, textarea { font: inherit; padding: 3px 6px; box-sizing: border-box; }
  input[type="text"], textarea, select { width: 100%; }
  .field-description, .description { color: #444; margin: 2px 0 6px; }
  .error-detail, .validation_error, .text-danger { color: #b00020; }
  h3, h4, h5 { margin: 14px 0 4px; }
  .btn { margin-top: 12px; padding: 6px 16px; }
  .glyphicon-plus::before { content: "+"; } .glyphicon-remove::before { content: "×"; }
  .glyphicon-arrow-up::before { content: "↑"; } .glyphicon-arrow-down::before { content: "↓"; }
  .glyphicon-copy::before { content: "⧉"; } .glyphicon { font-style: normal; }
  .categorization { display: flex; gap: 18px; align-items: flex-start; }
  .categorization-master { flex: 0 0 250px; position: sticky; top: 0; }
  .category-subcategories { list-style: none; margin: 0; padding: 0; }
  .category-subcategories li { padding: 5px 8px; border-left: 3px solid #c8ccd2; cursor: pointer; }
  .category-subcategories li.selected { border-left-color: #1f5fbf; background: #eef3fb; font-weight: 600; }
  .categorization-detail { flex: 1; min-width: 0; }
`;
writeFileSync(
  join(out, "index.html"),
  `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>sokets</title><style>${style}</style></head>
<body><div id="app"></div><script src="harness.js"></script></body>
</html>
`,
);
