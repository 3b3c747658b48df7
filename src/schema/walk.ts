/**
 * Walking a JSON Schema as data: JSON pointers and `$ref`s. Shared by the
 * validator's messages and by `visite fmt`, without loading the validators.
 */

/** `/sites/0/name` → `['sites', 0, 'name']`, with JSON Pointer escapes undone. */
export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((raw) => {
    const s = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s;
  });
}

/** A subschema, kept loose: the schemas are data. */
export type SchemaNode = Record<string, unknown>;

/** Follows `$ref`s within the root schema. */
export function deref(root: SchemaNode, node: unknown): SchemaNode | undefined {
  let n = node as SchemaNode | undefined;
  for (let i = 0; i < 16 && typeof n?.$ref === 'string'; i++) n = schemaAt(root, n.$ref);
  return n;
}

/** The subschema a JSON pointer (`#/$defs/site`) names. */
function schemaAt(root: SchemaNode, pointer: string): SchemaNode | undefined {
  let node: unknown = root;
  for (const seg of pointerToPath(pointer.replace(/^#/, ''))) node = (node as Record<string | number, unknown> | undefined)?.[seg];
  return node as SchemaNode | undefined;
}

