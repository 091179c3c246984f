import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Where the page sends its Cognito calls, and with which pool and client. */
export interface SignInPageConfig {
  endpoint: string;
  userPoolId: string;
  clientId: string;
}

/** The local sign-in page, served on loopback. */
export interface SignInPage {
  /** Its origin, e.g. `http://127.0.0.1:3000`: the local stage's `appUrl`. */
  url: string;
  /** Gives the page the pool to sign in to, once it exists; until then the page answers 503. */
  configure(config: SignInPageConfig): void;
  stop(): Promise<void>;
}

const SCRIPT_PATH = '/sign-in-page.js';
/** The script tag's content is JSON: `<` is escaped so that no value can close the tag. */
const asScriptJson = (value: object) => JSON.stringify(value).replaceAll('<', '\\u003c');

/** The page's script: page.ts and amazon-cognito-identity-js bundled for the browser, built once at start. */
async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(__dirname, 'page.ts')],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    define: { global: 'globalThis' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/**
 * Starts the local sign-in page on 127.0.0.1:`port` (0 picks a free one), at every path — so at the magic link's
 * (`magicLinkPath`) whatever it is: plain HTML with forms for sign-up, password, email-code and magic-link sign-in, and the same client library
 * apps use (amazon-cognito-identity-js) bundled with esbuild. It shows the signed-in user's ID token claims.
 */
export async function startSignInPage(port = 0): Promise<SignInPage> {
  const [html, script] = [readFileSync(join(__dirname, 'page.html'), 'utf8'), await bundle()];
  let config: SignInPageConfig | undefined;
  const server: Server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET') {
      response.writeHead(405).end();
    } else if (pathname === SCRIPT_PATH) {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    } else if (config === undefined) {
      response.writeHead(503, { 'content-type': 'text/plain' }).end('The local pool is starting.');
    } else {
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end(html.replace('<!-- POOL_CONFIG -->', asScriptJson(config)));
    }
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    configure: (next) => {
      config = next;
    },
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
