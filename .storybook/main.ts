import type { StorybookConfig } from '@storybook/web-components-vite';

// Written by hand (`storybook init` is interactive). vite.config.ts gives Storybook only its base
// config (decorators, es2022): the npm / cdn library settings apply to those build modes alone.
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/introduction.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: { defaultName: 'Documentation' },
  // The reference server serves the build under /storybook/: keep every URL relative. Storybook's own
  // manager and docs chunks exceed Vite's 500 kB hint; that warning is about them, not our bundles.
  viteFinal: (viteConfig) => ({ ...viteConfig, base: './', build: { ...viteConfig.build, chunkSizeWarningLimit: 1500 } }),
};

export default config;
