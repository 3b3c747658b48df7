// The built-in styles' templates precompiled by the build (lib/templates/) render
// exactly what the same templates compiled at run time render, and are used only
// for the sources they were made from.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { parseVisitText } from '../src/load.js';
import { renderVisit } from '../src/render/index.js';
import { BUILTIN_STYLES } from '../src/render/style.js';
import { COMPILE_OPTIONS, precompiled, readTemplates, registerHelpers } from '../src/render/templates.js';
import { buildView } from '../src/render/view.js';

const styles = readdirSync(BUILTIN_STYLES);

async function compiledAtRunTime(id: string): Promise<(view: unknown) => string> {
  const sources = await readTemplates(join(BUILTIN_STYLES, id));
  const hb = Handlebars.create();
  registerHelpers(hb);
  for (const { name, source } of sources.partials) hb.registerPartial(name, source);
  return hb.compile(sources.main!.source, COMPILE_OPTIONS);
}

describe('precompiled templates of the built-in styles', () => {
  it('exist for every built-in style', async () => {
    expect(styles.length).toBeGreaterThanOrEqual(2);
    for (const id of styles) expect(precompiled(id, await readTemplates(join(BUILTIN_STYLES, id))), id).toBeTypeOf('function');
  });

  it('render byte for byte what the run-time compiler renders, for every visit of the repository', async () => {
    for (const name of readdirSync('visits')) {
      const file = parseVisitText(name, readFileSync(join('visits', name), 'utf8'));
      for (const id of styles) {
        const rendered = await renderVisit(file, { style: id });
        expect(rendered.diagnostics, `${name} in ${id}`).toEqual([]);
        const { visit, indicators, style, unionNames } = rendered.result!;
        const view = buildView(visit, indicators, style.config, unionNames);
        const markdown = style.render(view);
        expect(markdown.length, `${name} in ${id}`).toBeGreaterThan(1000);
        expect(markdown, `${name} in ${id}`).toBe((await compiledAtRunTime(id))(view));
      }
    }
  });

  it('are not used for sources that changed since the build', async () => {
    const sources = await readTemplates(join(BUILTIN_STYLES, styles[0]!));
    const edited = { ...sources, main: { ...sources.main!, source: `${sources.main!.source}\nÉdité.` } };
    expect(precompiled(styles[0]!, edited)).toBeUndefined();
    const partial = { ...sources, partials: sources.partials.map((p, i) => (i === 0 ? { ...p, source: `${p.source} ` } : p)) };
    expect(precompiled(styles[0]!, partial)).toBeUndefined();
    expect(precompiled('no-such-style', sources)).toBeUndefined();
  });
});
