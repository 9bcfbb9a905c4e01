import type { HtmlTagDescriptor, Plugin, ResolvedConfig, Rollup } from 'vite';

type OutputChunk = Rollup.OutputChunk;

/**
 * Preloads, from index.html, the lazily imported modules the first screen draws (the calendar and
 * the chunks it imports), so they download while the page's own script runs: imported only when
 * the screen first rendered, they were the last thing the first screen waited for. Their styles
 * are the page's own (main.tsx).
 */
export const preloadFirstScreen = (modules: string[]): Plugin => {
  let base = '/';
  return {
    name: 'rft-preload-first-screen',
    apply: 'build',
    configResolved: (config: ResolvedConfig) => {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const bundle = context.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((output): output is OutputChunk => output.type === 'chunk');
        const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        const withImports = (roots: OutputChunk[]): Set<OutputChunk> => {
          const seen = new Set<OutputChunk>();
          const visit = (chunk: OutputChunk | undefined) => {
            if (!chunk || seen.has(chunk)) return;
            seen.add(chunk);
            for (const file of chunk.imports) visit(byFile.get(file));
          };
          roots.forEach(visit);
          return seen;
        };
        const loadedAnyway = withImports(chunks.filter((chunk) => chunk.isEntry));
        const wanted = chunks.filter((chunk) => modules.some((module) => chunk.facadeModuleId?.endsWith(module)));
        if (wanted.length !== modules.length) throw new Error(`preload-first-screen: no chunk for each of ${modules.join(', ')}`);
        return [...withImports(wanted)]
          .filter((chunk) => !loadedAnyway.has(chunk))
          .map((chunk): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${chunk.fileName}` }, injectTo: 'head' }));
      },
    },
  };
};
