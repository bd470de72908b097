// The page the browser tests and the benchmark drive: one report form at a time, rendered by
// react-jsonschema-form or JSON Forms the way docs/schemas.md shows a web developer, with a small
// API on `window.sokets` for the tests (mount, read the data, submit, list what is shown).
import { JsonForms } from "@jsonforms/react";
import { vanillaCells, vanillaRenderers } from "@jsonforms/vanilla-renderers";
import Form from "@rjsf/core";
import { customizeValidator } from "@rjsf/validator-ajv8";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { createElement as h, createRef } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { jsonFormsI18n, localize, translateString } from "./messages.js";

const state = { library: null, data: undefined, errors: [], submitted: null, refused: 0 };
const rjsfForm = createRef();
let root = null;

function rjsf({ schema, uischema, data, messages }) {
  const validator = customizeValidator({ AjvClass: Ajv2020 }, localize(messages));
  return h(Form, {
    ref: rjsfForm,
    schema,
    uiSchema: uischema,
    formData: data,
    validator,
    translateString: translateString(messages),
    experimental_defaultFormStateBehavior: { constAsDefaults: "skipOneOf" },
    onChange: (event) => {
      state.errors = event.errors;
    },
    onSubmit: (event) => {
      state.submitted = event.formData;
    },
    onError: (errors) => {
      state.errors = errors;
      state.refused += 1;
    },
  });
}

function jsonforms({ schema, uischema, data, messages }) {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: false,
    addUsedSchema: false,
    useDefaults: true,
  });
  addFormats(ajv);
  const submit = () => {
    if (state.errors.length) state.refused += 1;
    else state.submitted = structuredClone(state.data);
  };
  return h(
    "form",
    { onSubmit: (event) => (event.preventDefault(), submit()) },
    h(JsonForms, {
      schema,
      uischema,
      data,
      renderers: vanillaRenderers,
      cells: vanillaCells,
      ajv,
      i18n: jsonFormsI18n(messages),
      // the data and errors as each change is made (onChange reports them later, from an effect)
      middleware: (core, action, reduce) => {
        const next = reduce(core, action);
        state.data = next.data;
        state.errors = next.errors ?? [];
        return next;
      },
    }),
    h("button", { type: "submit", className: "btn btn-info" }, "Gửi báo cáo"),
  );
}

const LIBRARIES = { rjsf, jsonforms };

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
// After the next frame and the effects that follow it: JSON Forms reports changes from an effect.
const settled = () => nextFrame().then(() => new Promise((resolve) => setTimeout(resolve, 0)));

// What a person sees in the form's fields: texts, numbers, dates, checkboxes and the label of
// each chosen option, as strings.
function shown() {
  const values = [];
  for (const field of document.querySelectorAll("#app input, #app textarea, #app select")) {
    if (field.type === "submit" || field.type === "button") continue;
    if (field.type === "checkbox") values.push(field.checked ? "true" : "false");
    else if (field.tagName === "SELECT") {
      const option = field.selectedOptions[0];
      if (option && option.value !== "") values.push(option.label);
    } else if (field.value !== "") values.push(field.value);
  }
  return values;
}

// Keystroke latency: from a key's keydown to the frame after the form has handled it.
const latencies = [];
document.addEventListener(
  "keydown",
  (event) => {
    const start = event.timeStamp;
    requestAnimationFrame(() => latencies.push(performance.now() - start));
  },
  true,
);

window.sokets = {
  async mount(library, props) {
    if (root) root.unmount();
    Object.assign(state, { library, data: props.data, errors: [], submitted: null, refused: 0 });
    root = createRoot(document.getElementById("app"));
    const start = performance.now();
    flushSync(() => root.render(LIBRARIES[library](props)));
    await nextFrame();
    return performance.now() - start;
  },
  data: () =>
    settled().then(() => (state.library === "rjsf" ? rjsfForm.current.state.formData : state.data)),
  errors: () =>
    settled().then(() =>
      state.errors.map((e) => ({ keyword: e.keyword ?? e.name, message: e.message })),
    ),
  // as sent: through JSON, which has no undefined (a cleared field's value)
  submitted: () =>
    settled().then(() => (state.submitted === null ? null : JSON.parse(JSON.stringify(state.submitted)))),
  refused: () => state.refused,
  validate: () => (state.library === "rjsf" ? rjsfForm.current.validateForm() : !state.errors.length),
  shown,
  latencies: () => latencies.splice(0),
};
