// Compile sokets' JSON Schemas with Ajv (2020-12 dialect, strict mode) the way a web form builder
// would: read schemas/index.json, register its x- vocabulary, add ajv-formats, compile every
// published version. Then, in "serve" mode, validate instances read as JSON lines from stdin.
//
//   node ajv_check.mjs compile SCHEMAS_DIR
//       exit 0 when every schema compiles; otherwise print the errors and exit 1.
//   node ajv_check.mjs serve SCHEMAS_DIR
//       after compiling, read lines {"id": "<$id>", "text": "<the instance's JSON text>"} and
//       answer each with {"valid": true|false, "errors": [...]}; the text is parsed here, by
//       JSON.parse, as a JavaScript consumer would.
//
// Ajv and ajv-formats are loaded from the folder named by SOKETS_NODE_MODULES (default:
// <repository>/.node/node_modules), where .ci/run installs them with npm.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = process.env.SOKETS_NODE_MODULES || resolve(here, "../../.node/node_modules");
const require = createRequire(join(modules, "sokets-ajv-check.js"));
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;

const [mode, dir] = process.argv.slice(2);
if (!["compile", "serve"].includes(mode) || !dir) {
  console.error("usage: node ajv_check.mjs compile|serve SCHEMAS_DIR");
  process.exit(2);
}

const index = JSON.parse(readFileSync(join(dir, "index.json"), "utf8"));
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
ajv.addVocabulary(Object.keys(index.vocabulary));

const validators = new Map();
let failed = false;
for (const form of index.forms) {
  for (const version of form.versions) {
    const schema = JSON.parse(readFileSync(join(dir, version.path), "utf8"));
    try {
      if (schema.$id !== version.$id) {
        throw new Error(`$id ${schema.$id} does not match the index (${version.$id})`);
      }
      validators.set(version.$id, ajv.compile(schema));
      if (mode === "compile") console.log(`ok ${version.path}`);
    } catch (error) {
      failed = true;
      console.error(`${version.path}: ${error.message}`);
    }
  }
}
if (failed) process.exit(1);

if (mode === "serve") {
  const lines = createInterface({ input: process.stdin });
  lines.on("line", (line) => {
    const { id, text } = JSON.parse(line);
    const instance = JSON.parse(text);
    const validate = validators.get(id);
    if (!validate) {
      process.stdout.write(JSON.stringify({ error: `unknown schema ${id}` }) + "\n");
      return;
    }
    const valid = validate(instance);
    const errors = valid ? [] : validate.errors.map((e) => `${e.instancePath} ${e.message}`);
    process.stdout.write(JSON.stringify({ valid, errors }) + "\n");
  });
}
