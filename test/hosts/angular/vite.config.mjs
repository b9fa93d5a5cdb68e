import { defineConfig } from 'vite';

// Bundles the ahead-of-time output of ngc (angular/aot/), not the TypeScript source. Angular in one
// chunk is larger than Vite's warning threshold; this is a test app, not a page budget.
export default defineConfig({ base: './', build: { chunkSizeWarningLimit: 2000 } });
