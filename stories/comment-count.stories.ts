import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { GroveApiError } from '../src/api/problem.js';
import type { GroveStoryParameters } from './decorators/fake-client.js';

const grove = (parameters: GroveStoryParameters): { grove: GroveStoryParameters } => ({ grove: parameters });
const COUNTS: Record<string, number> = { '/news/1': 0, '/news/2': 1, '/news/3': 14, '/news/4': 2 };

const countRoutes = {
  'GET /v1/threads/counts': ({ query }: { query: Record<string, unknown> }) => {
    const keys = ([] as unknown[]).concat(query.key).map(String);
    return { counts: Object.fromEntries(keys.map((key) => [key, COUNTS[key] ?? 0])) };
  },
};

/** Four counts on one page: one request (see the fake client's calls). */
const list = html`<ul>
  ${Object.keys(COUNTS).map(
    (key, index) => html`<li><a href=${key}>Article ${index + 1}</a> · <grove-comment-count page-key=${key}></grove-comment-count></li>`,
  )}
</ul>`;

const meta: Meta = {
  title: 'Widgets/Comment count',
  component: 'grove-comment-count',
  render: () => list,
  parameters: grove({ routes: countRoutes, delayMs: 150 }),
};
export default meta;

type Story = StoryObj;

export const Default: Story = {};
/** While loading the count is simply absent: it sits inside someone else's sentence. */
export const Loading: Story = { parameters: grove({ routes: countRoutes, loading: true }) };
export const Empty: Story = { render: () => html`<grove-comment-count page-key="/news/1"></grove-comment-count>` };
export const Failed: Story = {
  parameters: grove({
    routes: {
      'GET /v1/threads/counts': () => {
        throw new GroveApiError('unavailable', 503);
      },
    },
  }),
};
export const ManyItems: Story = {
  render: () => html`<ul>
    ${Array.from({ length: 40 }, (_, index) => html`<li>Article ${index + 1} · <grove-comment-count page-key=${`/news/${index}`}></grove-comment-count></li>`)}
  </ul>`,
};
export const RightToLeft: Story = { globals: { lang: 'ar', dir: 'rtl' } };
export const Dark: Story = { globals: { theme: 'dark' } };
export const Themed: Story = {
  render: () => html`<style>
      .themed grove-comment-count::part(count) {
        font-variant-numeric: tabular-nums;
        color: #6b2fa3;
      }
    </style>
    <div class="themed">${list}</div>`,
};
