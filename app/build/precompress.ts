import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

const TEXT_FILE = /\.(?:js|css|html|svg|webmanifest)$/;
/** Below this a compressed copy saves less than a packet. */
const MIN_BYTES = 1024;

/**
 * Writes a .br and a .gz beside every text file of the build (the service worker included, so it
 * runs after vite-plugin-pwa), for the sync-server to send precompressed: on a phone the download
 * of the JavaScript, not running it, is most of the wait before the first screen.
 */
export const precompress = (): Plugin => {
  let outDir = '';
  return {
    name: 'rft-precompress',
    apply: 'build',
    configResolved: (config: ResolvedConfig) => {
      outDir = config.build.outDir;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        for (const file of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
          if (!TEXT_FILE.test(file)) continue;
          const content = new Uint8Array(readFileSync(join(outDir, file)));
          if (content.length < MIN_BYTES) continue;
          writeFileSync(join(outDir, `${file}.br`), new Uint8Array(brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })));
          writeFileSync(join(outDir, `${file}.gz`), new Uint8Array(gzipSync(content, { level: 9 })));
        }
      },
    },
  };
};
