/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    svelte(),
    svelteTesting(),
    // Offline PWA (issue 10 §6): precache the app, the bundled scenarios (inside the JS) and the compiled code sets
    // and grouper tables, so everything works with the network off after one visit. The largest code-set file is
    // ~7.6 MB, hence the 12 MB per-file limit.
    VitePWA({
      disable: !!process.env.VITEST,
      registerType: 'autoUpdate',
      injectRegister: 'script',
      includeAssets: ['pwa-icon.svg'],
      manifest: {
        name: 'HIM Sim',
        short_name: 'HIM Sim',
        description: 'Practise health information management on synthetic patient charts',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f5f6f8',
        theme_color: '#14314f',
        icons: [{ src: 'pwa-icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,webmanifest,json,tsv,txt}'],
        maximumFileSizeToCacheInBytes: 12 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: { target: 'es2022', chunkSizeWarningLimit: 800 },
  worker: { format: 'es' },
  test: {
    setupFiles: ['./tests/setup.ts'],
    testTimeout: 20_000,
    // Two projects (house style): pure logic runs in Node, which starts far faster than a DOM;
    // everything under src/ui and every *.svelte.test.ts runs in jsdom.
    projects: [
      {
        extends: true,
        test: {
          name: 'logic',
          environment: 'node',
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'tools/**/*.test.ts'],
          exclude: ['src/ui/**', 'src/**/*.svelte.test.ts', 'tests/e2e/**', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['src/ui/**/*.test.ts', 'src/**/*.svelte.test.ts'],
        },
      },
    ],
  },
});
