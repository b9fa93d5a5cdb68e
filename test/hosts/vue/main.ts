// A Vue 3 app as a web team writes it: the per-widget entries imported before mounting.
import '@grove/elements/provider';
import '@grove/elements/comment-count';
import '@grove/elements/discussion-thread';
import '@grove/elements/event-calendar';
import '@grove/elements/expert-finder';
import '@grove/elements/member-directory';
import '@grove/elements/participation-badge';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
