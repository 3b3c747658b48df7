#!/usr/bin/env node
// Writes the README's generated sections (the visit file's field reference and
// the table of diagnostic codes) from the schema and the message catalogue,
// so the README cannot drift from the code. `npm run gen` runs it; a test
// fails when the committed README differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const refName = (ref) => ref.replace('#/$defs/', '');
const anchor = (name) => `def-${name}`;

function typeText(node) {
  if (node.$ref) return `[${refName(node.$ref)}](#${anchor(refName(node.$ref))})`;
  if (node.enum) return node.enum.map((v) => `\`${v}\``).join(', ');
  if (node.const !== undefined) return `\`${node.const}\``;
  if (node.anyOf) return node.anyOf.map(typeText).join(' or ');
  if (Array.isArray(node.type)) return 'date (YYYY-MM-DD, YYYY-MM or YYYY)';
  switch (node.type) {
    case 'array': return `list of ${typeText(node.items)}`;
    case 'object': return node.properties ? 'mapping (below)' : 'mapping';
    case 'integer': return node.minimum !== undefined ? `integer ≥ ${node.minimum}` : 'integer';
    case 'number': return 'number';
    case 'boolean': return '`true` / `false`';
    case 'string':
      if (node.pattern === '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') return 'date (YYYY-MM-DD)';
      if (node.format === 'uri') return 'address (https://…)';
      if (node.pattern?.startsWith('^[a-z0-9]')) return 'id (a-z, 0-9, -)';
      return 'text';
    default: return '';
  }
}

const cell = (s) => String(s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Markdown tables, one per mapping of the schema. */
export function fieldReference(schema) {
  const sections = [];
  const table = (title, name, node) => {
    const required = new Set(node.required ?? []);
    const rows = Object.entries(node.properties).map(([key, prop]) =>
      `| \`${key}\`${required.has(key) ? ' *' : ''} | ${cell(typeText(prop))} | ${cell(prop.title)} — ${cell(prop.description)} |`);
    sections.push(`#### ${title}${name ? ` <a id="${anchor(name)}"></a>` : ''}\n\n| key | value | meaning (as the editor shows it) |\n|---|---|---|\n${rows.join('\n')}\n`);
    // Mappings written in place (not shared definitions) get their own table.
    for (const [key, prop] of Object.entries(node.properties)) {
      const inner = prop.type === 'array' ? prop.items : prop;
      if (inner?.type === 'object' && inner.properties) table(`${title} › \`${key}\``, undefined, inner);
    }
  };
  table('The file', undefined, schema);
  for (const [name, def] of Object.entries(schema.$defs)) {
    if (def.type === 'object' && def.properties) table(`${def.title} (\`${name}\`)`, name, def);
    else if (def.enum) {
      const rows = def.enum.map((v, i) => `| \`${v}\` | ${cell(def.markdownEnumDescriptions[i])} |`);
      sections.push(`#### ${def.title} (\`${name}\`) <a id="${anchor(name)}"></a>\n\n| value | meaning |\n|---|---|\n${rows.join('\n')}\n`);
    } else {
      sections.push(`#### ${def.title} (\`${name}\`) <a id="${anchor(name)}"></a>\n\n${typeText(def)}: ${def.description}\n`);
    }
  }
  return `Keys marked * are required. Every value may carry the \`!internal\` tag to keep it out of public outputs.\n\n${sections.join('\n')}`;
}

/** The table of diagnostic codes, each with its one-line fix. */
export function codeTable(rows) {
  const body = rows.map(({ code, hint, severity }) => `| \`${code}\` | ${severity} | ${cell(hint)} |`);
  return `| code | severity | how to fix |\n|---|---|---|\n${body.join('\n')}\n`;
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->`. */
export function fill(readme, name, content) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = readme.indexOf(start);
  const b = readme.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README has no ${name} markers`);
  return `${readme.slice(0, a + start.length)}\n${content}${readme.slice(b)}`;
}

/** The README with both generated sections brought up to date. */
export function updatedReadme(readme, schema, codes) {
  return fill(fill(readme, 'fields', fieldReference(schema)), 'codes', codeTable(codes));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { visitSchema } = await import('../lib/schema/definition.js');
  const { codeRows } = await import('../lib/messages.js');
  const url = new URL('../README.md', import.meta.url);
  writeFileSync(url, updatedReadme(readFileSync(url, 'utf8'), visitSchema, codeRows()));
  console.log('README.md sections written');
}
