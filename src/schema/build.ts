/**
 * Small builders for the visit schema. Every property the delegate can write
 * gets a French `title` and `description`, so that an editor running the YAML
 * language server explains it on hover and in completion.
 */

/** A JSON Schema node, kept loose on purpose: the schema is data. */
export type Node = Record<string, unknown>;

/** A closed list of values, each with its French explanation. */
export type Choices = Record<string, string>;

/** A string with a title and description. */
export function text(title: string, description: string, extra: Node = {}): Node {
  return { type: 'string', minLength: 1, title, description, ...extra };
}

/** Inline Markdown prose written by the delegate. */
export function prose(title: string, description: string): Node {
  return text(title, `${description} (texte libre : Markdown en ligne accepté, HTML ignoré)`);
}

/** An identifier other parts of the file can refer to. */
export function id(title: string, description: string): Node {
  return text(title, description, { pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 64 });
}

/** A whole number, 0 or more unless told otherwise. */
export function count(title: string, description: string, minimum = 0): Node {
  return { type: 'integer', minimum, title, description };
}

/** A number, 0 or more. */
export function number(title: string, description: string, extra: Node = {}): Node {
  return { type: 'number', minimum: 0, title, description, ...extra };
}

/** A yes/no answer. */
export function flag(title: string, description: string): Node {
  return { type: 'boolean', title, description };
}

/** A calendar day written YYYY-MM-DD. Whether the day exists is a semantic rule. */
export function day(title: string, description: string): Node {
  return text(title, `${description} (format AAAA-MM-JJ)`, { pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
}

/** A day, or only a month (YYYY-MM) or a year (YYYY, written bare or quoted). */
export function dayOrMonth(title: string, description: string): Node {
  return {
    type: ['string', 'integer'],
    title,
    description: `${description} (format AAAA-MM-JJ, ou AAAA-MM, ou AAAA si seul le mois ou l’année est connu)`,
    pattern: '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$',
    minimum: 1900,
    maximum: 2200,
  };
}

/** One value of a closed list, each value explained to the editor. */
export function choice(title: string, description: string, choices: Choices): Node {
  const values = Object.keys(choices);
  return {
    type: 'string',
    title,
    description,
    enum: values,
    markdownEnumDescriptions: values.map((v) => choices[v]),
  };
}

/** A list. */
export function list(title: string, description: string, items: Node, minItems = 1): Node {
  return { type: 'array', title, description, items, minItems };
}

/** A mapping with a fixed set of keys: anything else is an error. */
export function record(
  title: string,
  description: string,
  properties: Record<string, Node>,
  required: string[] = [],
  extra: Node = {},
): Node {
  const node: Node = { type: 'object', title, description, additionalProperties: false, properties };
  if (required.length > 0) node.required = required;
  return { ...node, ...extra };
}

/** A reference to a shared definition, with the property's own title. */
export function ref(name: string, title: string, description: string): Node {
  return { $ref: `#/$defs/${name}`, title, description };
}

/** A list of shared definitions. */
export function listOf(name: string, title: string, description: string, minItems = 1): Node {
  return { type: 'array', title, description, items: { $ref: `#/$defs/${name}` }, minItems };
}
