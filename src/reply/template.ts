const PLACEHOLDER = /\{([^{}]*)\}/g;

/** A {field} in a template. */
export const PLACEHOLDER_PATTERN = PLACEHOLDER;

/** The field names a template uses, in order: `"{county}: {arrests}"` → `["county", "arrests"]`. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!.trim());
}

/**
 * Fills a template's {fields}. Returns undefined when any field has no value, so the caller
 * can try the next template or say the figure was not published; a figure is never guessed.
 */
export function fill(template: string, lookup: (field: string) => string | undefined): string | undefined {
  let complete = true;
  const out = template.replace(PLACEHOLDER, (_, name: string) => {
    const value = lookup(name.trim());
    if (value === undefined) complete = false;
    return value ?? '';
  });
  return complete ? out : undefined;
}

/** Tries templates in order and returns the first that can be filled completely. */
export function fillFirst(templates: string | readonly string[] | undefined, lookup: (field: string) => string | undefined): string | undefined {
  if (templates === undefined) return undefined;
  for (const t of typeof templates === 'string' ? [templates] : templates) {
    const out = fill(t, lookup);
    if (out !== undefined) return out;
  }
  return undefined;
}
