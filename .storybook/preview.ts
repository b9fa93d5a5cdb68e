import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import customElements from '../custom-elements.json' with { type: 'json' };
import { defineAll } from '../src/define.js';
import { withFakeClient } from '../stories/decorators/fake-client.js';

// Controls, argTypes and the docs tables come from the same manifest the npm package ships.
setCustomElementsManifest(customElements);

const preview: Preview = {
  decorators: [withFakeClient],
  // Register every element before the first story renders (the page has no autoloader).
  loaders: [
    async () => {
      await defineAll();
      return {};
    },
  ],
  globalTypes: {
    theme: {
      description: 'Colour scheme of the widgets',
      toolbar: { title: 'Theme', icon: 'contrast', items: ['auto', 'light', 'dark'], dynamicTitle: true },
    },
    lang: {
      description: 'Language of the widgets',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'fr', title: 'Français' },
          { value: 'es', title: 'Español' },
          { value: 'ar', title: 'العربية' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction around the widgets',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'auto', lang: 'en', dir: 'ltr' },
  parameters: {
    controls: { expanded: true },
    // Every story is checked by axe in the a11y panel; failures are errors, not hints.
    a11y: { test: 'error' },
  },
};

export default preview;
