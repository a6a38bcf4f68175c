import path from 'node:path'
import { defineConfig, type Plugin } from 'vite'
import { productionCsp } from './electron/shell/csp'

/**
 * The built index.html carries the production CSP as a <meta> tag, so the policy holds wherever
 * the page is served (the browser harness too). In the app, the app://rightful/ protocol handler
 * also sends it as a header. frame-ancestors only works as a header, so the tag leaves it out.
 */
function cspMeta(): Plugin {
  const policy = productionCsp
    .split(';')
    .map((d) => d.trim())
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ')
  return {
    name: 'rightful:csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  }
}

// JSX is compiled by Vite itself (no React Refresh plugin): nothing inline, so the strict CSP holds
// in development too.
export default defineConfig(() => ({
  root: path.join(__dirname, 'renderer'),
  base: './',
  plugins: [cspMeta()],
  resolve: { alias: { '@core': path.join(__dirname, 'electron', 'core') } },
  build: {
    outDir: path.join(__dirname, '.vite', 'renderer', 'main_window'),
    emptyOutDir: true,
    sourcemap: true,
  },
}))
