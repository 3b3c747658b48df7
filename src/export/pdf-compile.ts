/**
 * The Typst compiler itself: one per thread, started with no system font in
 * sight, working in an empty virtual workspace that holds only what a job
 * maps into it. Used in the main thread for a single bulletin and by the
 * PDF workers (`pdf-worker.ts`) for batches; it loads nothing else.
 */
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TypstError } from './pdf-error.js';
import { loadTypst, type TypstCompileArgs, type TypstCompiler } from './typst-binding.js';

/** What Typst needs to print one bulletin: the page template, the data it prints, and the files it shows. */
export interface PdfJob {
  template: string;
  /** The bulletin's data as JSON (the template reads `sys.inputs.data`). */
  data: string;
  /** Workspace path → bytes (charts, logo). */
  files: Map<string, Uint8Array>;
}

/** A root that does not exist: the compiler reads only what is mapped into it. */
const ROOT = join(tmpdir(), `visite-typst-${randomUUID()}`);
let compiler: Promise<TypstCompiler> | undefined;

async function start(): Promise<TypstCompiler> {
  const { NodeCompiler } = loadTypst();
  // Hide system fonts: fontconfig is pointed at a folder that does not exist while the compiler starts.
  // The variable is the process's (worker threads share it, see pdf-pool.ts): one start at a time.
  const conf = join(tmpdir(), `visite-nofonts-${process.pid}-${randomUUID()}.conf`);
  await writeFile(conf, `<?xml version="1.0"?>\n<fontconfig><dir>${ROOT}/no-fonts</dir></fontconfig>\n`);
  const saved = process.env.FONTCONFIG_FILE;
  process.env.FONTCONFIG_FILE = conf;
  try {
    return NodeCompiler.create({ workspace: ROOT });
  } finally {
    if (saved === undefined) delete process.env.FONTCONFIG_FILE;
    else process.env.FONTCONFIG_FILE = saved;
    await rm(conf, { force: true });
  }
}

/** This thread's compiler, started on first use. Throws TypstUnavailable where there is no binding. */
export function startCompiler(): Promise<TypstCompiler> {
  // A failed start is remembered too: trying again would only fail again, and each try sets the
  // shared FONTCONFIG_FILE outside the pool's one-start-at-a-time order.
  compiler ??= start();
  return compiler;
}

/** The first error Typst reports on compiling, as a TypstError; undefined if it compiles (or fails otherwise). */
function templateError(typst: TypstCompiler, args: TypstCompileArgs): TypstError | undefined {
  let error: unknown;
  try {
    error = typst.compile(args).takeError();
  } catch {
    return undefined;
  }
  if (!error) return undefined;
  const diagnostics = typst.fetchDiagnostics(error);
  const first = diagnostics.find((d) => d.severity === 1) ?? diagnostics[0];
  return new TypstError(first?.message ?? 'Typst compilation failed', first?.range ? first.range.start.line + 1 : undefined);
}

/** Compiles one bulletin to PDF bytes. Throws TypstError when the page template is at fault. */
export async function compilePdf(job: PdfJob): Promise<Uint8Array> {
  const typst = await startCompiler();
  typst.resetShadow();
  for (const [path, bytes] of job.files) typst.mapShadow(join(ROOT, path), Buffer.from(bytes));
  const main = join(ROOT, 'page.typ');
  typst.addSource(main, job.template);
  const args = { mainFilePath: main, inputs: { data: job.data } };
  let bytes: Buffer;
  try {
    // Compiled and exported in one call, so the laid-out document never reaches JavaScript: through
    // `compile()` it would be held by a JS object until a garbage collection and then a turn of the
    // event loop freed it, which a busy batch or a quiet worker thread rarely gives (memory grew by
    // about 1 MB a bulletin).
    bytes = typst.pdf(args);
  } catch (error) {
    // This call's error is a bare message: compile again for the diagnostics, with their line.
    throw templateError(typst, args) ?? error;
  }
  // Typst keeps every compilation's layout in its cache; keep only the recent ones, so memory stays flat.
  typst.evictCache(10);
  return new Uint8Array(bytes);
}
