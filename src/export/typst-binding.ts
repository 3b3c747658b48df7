/**
 * Loads the Typst compiler's native binding for this machine. The project
 * depends on the platform packages directly (optional dependencies) rather
 * than on their wrapper package: the wrapper's 0.7.0 release names platform
 * packages the registry does not have, which breaks `npm ci`, and its 0.6.0
 * release (Typst 0.13) does not give the same PDF bytes from one run to the
 * next. Only the calls the exporter makes are typed here.
 */
import { createRequire } from 'node:module';

/** A Typst diagnostic, as the binding reports it. */
export interface TypstDiagnostic { message: string; severity: number; range?: { start: { line: number } } | null }

/** The result of a compilation. */
export interface TypstCompileResult {
  result: unknown;
  takeError(): unknown;
}

/** What to compile: the main file (mapped in the workspace) and `sys.inputs`. */
export interface TypstCompileArgs { mainFilePath: string; inputs: Record<string, string> }

/** The subset of the binding's NodeCompiler the exporter uses. */
export interface TypstCompiler {
  resetShadow(): void;
  mapShadow(path: string, content: Buffer): void;
  addSource(path: string, source: string): void;
  compile(args: TypstCompileArgs): TypstCompileResult;
  fetchDiagnostics(error: unknown): TypstDiagnostic[];
  /** Compiles and exports at once; throws a bare message on a compile error. */
  pdf(args: TypstCompileArgs): Buffer;
  evictCache(maxAge: number): void;
}

interface Binding { NodeCompiler: { create(args: { workspace: string }): TypstCompiler } }

/**
 * The binding packages for this platform, glibc's first. npm installs only
 * the one whose `libc` matches; trying both is cheaper than asking Node for
 * a diagnostic report to learn the C library.
 */
function packageNames(): string[] {
  if (process.platform !== 'linux' || process.arch !== 'x64') return [];
  return ['@myriaddreamin/typst-ts-node-compiler-linux-x64-gnu', '@myriaddreamin/typst-ts-node-compiler-linux-x64-musl'];
}

/** Thrown when no Typst binding can be loaded here: PDF export is then unavailable. */
export class TypstUnavailable extends Error {
  constructor(readonly platform: string) {
    super(`no Typst compiler for ${platform}`);
    this.name = 'TypstUnavailable';
  }
}

/** The binding (Node caches the module). */
export function loadTypst(): Binding {
  const require = createRequire(import.meta.url);
  for (const name of packageNames()) {
    try {
      return require(name) as Binding;
    } catch {
      // Not installed here, or built for the other C library: try the next.
    }
  }
  throw new TypstUnavailable(`${process.platform}-${process.arch}`);
}
