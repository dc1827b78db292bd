/**
 * A container's HTTP server for its httpGet hooks and probes: busybox `nc -ll -p PORT -e sh -c HANDLER`, which
 * forks one handler per connection (so a slow preStop GET does not hold up a readiness GET on the same port —
 * checked by running it, test/harness/backends/manifest). busybox `httpd` was the first idea, but it runs CGI
 * only under /cgi-bin/ and the kubelet GETs the path the case wrote (`/healthz`, `/quiesce`).
 *
 * The handler reads the request line and the headers up to the blank line (closing a socket with unread input
 * makes the kernel send a reset, which can destroy the answer before the kubelet reads it), acts out the route
 * for the path (query string ignored, as the case's own path is compared without its query), and answers
 * 200 for `ok`, 500 for `fail` (the kubelet counts 200-399 as success), 404 for a path no handler names.
 */
import { scriptPrelude } from './script-prelude.ts';
import { shQuote } from './shell-words.ts';

/** One path the server answers: `lines` leave `ok` or `fail` in `v`. */
export interface HttpRoute {
  readonly path: string;
  readonly lines: ReadonlyArray<string>;
}

/** The path part of an httpGet `path` as the kubelet requests it: absent is `/`, a missing leading `/` is added. */
export function requestPath(path: string | undefined): string {
  const bare = (path ?? '').split('?')[0] ?? '';
  return bare.startsWith('/') ? bare : `/${bare}`;
}

/** The handler script for one connection. */
export function httpHandlerScript(container: string, routes: ReadonlyArray<HttpRoute>): string {
  const cases = routes.map((r) => `${shQuote(r.path)})\n${r.lines.join('\n')}\n[ $v = ok ] && c=200 || c=500;;`);
  return [
    scriptPrelude(container),
    'read -r a p b; p=${p%%\\?*}',
    'while read -r h; do [ ${#h} -le 1 ] && break; done',
    'c=404',
    `case $p in\n${cases.join('\n')}\nesac`,
    "printf 'HTTP/1.0 %s X\\r\\nContent-Length: 0\\r\\nConnection: close\\r\\n\\r\\n' $c",
  ].join('\n');
}

/** The line of the main script that starts the server in the background. */
export function httpServerLine(container: string, port: number, routes: ReadonlyArray<HttpRoute>): string {
  return `nc -ll -p ${port} -e sh -c ${shQuote(httpHandlerScript(container, routes))} &`;
}
