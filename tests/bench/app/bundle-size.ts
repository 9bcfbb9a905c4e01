import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gzipKb = (file: string): number => gzipSync(new Uint8Array(readFileSync(file)), { level: 9 }).length / 1024;

/**
 * The JS index.html makes the browser load for the first screen (the entry and its modulepreloads,
 * the calendar's included), gzipped.
 */
export const firstRenderJs = (distDir: string): { files: string[]; gzipKb: number } => {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map((match) => match[1]!);
  return { files, gzipKb: files.reduce((sum, file) => sum + gzipKb(join(distDir, file)), 0) };
};
