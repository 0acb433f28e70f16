import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development the API and the sync socket live on the server (pnpm dev).
const server = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': server,
      '/healthz': server,
      '/sync': { target: server, ws: true },
    },
  },
  build: { sourcemap: true },
});
