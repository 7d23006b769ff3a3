import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { StartupError } from '../startup-error.js';

/** A route of the one HTTP listener; returns false when it does not handle the request. */
export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<boolean> | boolean;

/** How long `/readyz` waits: a database that is away holds queries until it is back. */
const READY_TIMEOUT_MS = 2_000;

function within<T>(ms: number, work: Promise<T>, otherwise: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(otherwise), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Health: `/healthz` says the process is up, `/readyz` that its Postgres and sessions answer. */
export function healthRoutes(ready: () => Promise<boolean>): Route {
  return async (req, res) => {
    if (req.method !== 'GET') return false;
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
      return true;
    }
    if (req.url === '/readyz') {
      const ok = await within(
        READY_TIMEOUT_MS,
        ready().catch(() => false),
        false,
      );
      res.writeHead(ok ? 200 : 503, { 'content-type': 'text/plain' }).end(ok ? 'ready\n' : 'not ready\n');
      return true;
    }
    return false;
  };
}

/** A request's whole body, or undefined as soon as it passes `maxBytes` (the rest is not read). */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * The process's one HTTP listener; routes are tried in order, anything else is a 404. A port it cannot
 * take is a StartupError saying what to do.
 */
export async function listen(
  port: number,
  routes: Route[],
  onError: (error: unknown) => void,
): Promise<Server> {
  const server = createServer(async (req, res) => {
    try {
      for (const route of routes) if (await route(req, res)) return;
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    } catch (error) {
      onError(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('error\n');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(portFailure(port, error)));
    server.listen(port, () => resolve());
  });
  return server;
}

function portFailure(port: number, error: NodeJS.ErrnoException): Error {
  if (error.code === 'EADDRINUSE')
    return new StartupError(
      `Port ${port} is already in use (another Gatehouse, or another program): stop it, or set PORT to a free port`,
    );
  if (error.code === 'EACCES')
    return new StartupError(`Port ${port} needs privileges this user lacks: set PORT to 1024 or above`);
  return error;
}
