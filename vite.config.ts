import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompress } from './app/build/precompress.ts';
import { preloadFirstScreen } from './app/build/preload-first-screen.ts';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** The sync-server serves /api and proxies /db to CouchDB; in dev Vite forwards both to it. */
const SYNC_SERVER = 'http://127.0.0.1:8080';
const THEME_GREEN = '#00703c';

export default defineConfig({
  root: fromRoot('./app'),
  resolve: {
    // pouchdb-browser imports node's `events` without declaring it: bundle the npm polyfill.
    alias: { events: fromRoot('./node_modules/events/events.js') },
  },
  build: {
    outDir: fromRoot('./dist/app'),
    emptyOutDir: true,
  },
  // ES module workers can split: the catalog worker sends its saved copy before it loads PouchDB's chunk.
  worker: { format: 'es' },
  server: {
    proxy: {
      '/api': { target: SYNC_SERVER },
      '/db': { target: SYNC_SERVER },
    },
  },
  preview: {
    proxy: {
      '/api': { target: SYNC_SERVER },
      '/db': { target: SYNC_SERVER },
    },
  },
  plugins: [
    react(),
    preloadFirstScreen(['features/sessions/components/session-calendar.tsx']),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      // Registered from the app (virtual:pwa-register/react) so it can show the update banner.
      injectRegister: false,
      // globPatterns below already precaches every icon; listing them again would duplicate entries.
      includeAssets: [],
      includeManifestIcons: false,
      manifest: {
        name: 'React Fast Training',
        short_name: 'RFT Courses',
        description: 'Book first-aid training courses with React Fast Training, even with a patchy connection.',
        lang: 'en-GB',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: THEME_GREEN,
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,ico,woff,woff2}'],
        navigateFallback: '/index.html',
        // The API and the CouchDB proxy must always reach the network, never the app shell.
        navigateFallbackDenylist: [/^\/api(?:\/|$)/, /^\/db(?:\/|$)/],
        cleanupOutdatedCaches: true,
        // Take control of the first page load, so the shell works offline from the first visit.
        clientsClaim: true,
      },
    }),
    precompress(),
  ],
});
