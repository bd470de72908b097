// Vietnamese (or English) messages in a web form, from sokets' schemas/messages.json: `messages`
// is that file's content, `lang` "vi" or "en". Ajv's `verbose` option (react-jsonschema-form and
// JSON Forms set it) lets a message name a property by its title.

export function errorMessage(error, messages, lang = "vi") {
  const template = messages.keywords[error.keyword]?.[lang];
  if (!template) return error.message;
  const titles = error.parentSchema?.properties ?? {};
  const words = { type: messages.types, format: messages.formats };
  return template.replace(/\{(\w+)\}/g, (_, name) => {
    let value = error.params?.[name];
    if (typeof value === "string") value = value.replace(/^'(.*)'$/, "$1"); // RJSF quotes names
    if (words[name]?.[value]) return words[name][value][lang];
    if (typeof value === "string" && titles[value]?.title) return `“${titles[value].title}”`;
    return Array.isArray(value) ? value.join(", ") : String(value ?? "");
  });
}

// Ajv and react-jsonschema-form: customizeValidator({ AjvClass: Ajv2020 }, localize(messages))
export const localize = (messages, lang = "vi") => (errors) => {
  for (const error of errors ?? []) error.message = errorMessage(error, messages, lang);
};

// react-jsonschema-form's buttons: <Form translateString={translateString(messages)} …/>
export const translateString = (messages, lang = "vi") => (text, params = []) =>
  (messages.rjsf[text]?.[lang] ?? text).replace(/%(\d)/g, (_, n) => params[n - 1] ?? "");

// JSON Forms: <JsonForms i18n={jsonFormsI18n(messages)} …/> (labels stay the schema's titles)
export const jsonFormsI18n = (messages, lang = "vi") => ({
  locale: lang,
  translate: (key, fallback) =>
    messages.jsonforms[key.endsWith("enum.none") ? "enum.none" : key.split(".").pop()]?.[lang] ??
    fallback,
  translateError: (error) => errorMessage(error, messages, lang),
});
