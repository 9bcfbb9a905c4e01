import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gzipKb = (file: string): number => gzipSync(new Uint8Array(readFileSync(file)), { level: 9 }).length / 1024;

/** The JS index.html makes the browser load before anything renders (entry and modulepreloads), gzipped. */
export const firstRenderJs = (distDir: string): { files: string[]; gzipKb: number; calendarChunkGzipKb: number } => {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map((match) => match[1]!);
  const assets = readFileSync(join(distDir, 'sw.js'), 'utf8');
  const calendar = /assets\/session-calendar-[\w-]+\.js/.exec(assets)?.[0];
  return {
    files,
    gzipKb: files.reduce((sum, file) => sum + gzipKb(join(distDir, file)), 0),
    calendarChunkGzipKb: calendar ? gzipKb(join(distDir, calendar)) : Number.NaN,
  };
};
