import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';

async function start() {
  // Development only: `npm run dev:mock` serves the UI with an in-memory fake
  // backend for visual checks in a plain browser. Production builds drop this
  // branch entirely (import.meta.env.DEV is false), so the mock never ships.
  if (import.meta.env.DEV && import.meta.env.VITE_KEMBANG_MOCK === '1') {
    const { installMock } = await import('./api/mock');
    installMock();
  }
  mount(App, { target: document.getElementById('app')! });
}

void start();
