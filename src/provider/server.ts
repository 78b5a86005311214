import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { serializeForm } from '../oauth/form.js';
import { percentEncode } from '../oauth/percent-encode.js';
import { problemOf, type ProviderContext } from './context.js';
import { fail } from './failure.js';
import { TEXT, reply, type ProviderReply, type ProviderRequest } from './http-types.js';
import { route } from './router.js';
import { ADMIN_MAX_BODY_BYTES } from './endpoints/admin-guard.js';
import type { ProviderExchange } from './options.js';

export interface ServerLimits {
  readonly maxBodyBytes: number;
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly maxHeaderBytes: number;
}


function headersOf(message: IncomingMessage): Record<string, readonly string[] | undefined> {
  return message.headersDistinct as Record<string, string[] | undefined>;
}

/**
 * Reads the body up to the cap. Past the cap it keeps reading but drops the
 * bytes, so the client can finish sending and then read our 413 instead of
 * a reset connection; requestTimeout bounds how long that can last.
 */
function readBody(message: IncomingMessage, cap: number): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(message.headers['content-length'] ?? 0) > cap;
    message.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    message.on('end', () => resolve({ body: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge }));
    message.on('error', reject);
  });
}

function write(response: ServerResponse, answer: ProviderReply, close: boolean, serverNow: number): void {
  // The Date header tells the server's own (possibly skewed) time, as a real
  // provider's does: clients and oauth-doctor measure clock offset from it.
  const headers: Record<string, string | number> = { date: new Date(serverNow).toUTCString(), ...answer.headers, 'content-length': Buffer.byteLength(answer.body) };
  if (close) headers['connection'] = 'close';
  response.writeHead(answer.status, headers);
  response.end(answer.body);
}

/** A problem-reporting answer written straight to the socket, for requests Node could not even parse. */
function rawProblem(status: number, advice: string): string {
  const body = serializeForm(
    [
      ['oauth_problem', 'parameter_rejected'],
      ['oauth_problem_advice', advice],
    ],
    percentEncode,
  );
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\ncontent-type: application/x-www-form-urlencoded\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`;
}

/** How long a connection that broke the protocol may linger for our answer to reach it. */
const CLIENT_ERROR_LINGER_MS = 500;

const CLIENT_ERRORS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'The request headers are too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request took too long to arrive.'],
};

/** Reads one message and asks the router; whatever goes wrong becomes an answer, never an exception. */
async function answer(message: IncomingMessage, context: ProviderContext, limits: ServerLimits): Promise<{ answer: ProviderReply; close: boolean }> {
  try {
    // Admin bodies are a few short fields: a megabyte there is an attack, not a request.
    const cap = (message.url ?? '').startsWith('/admin/') ? Math.min(limits.maxBodyBytes, ADMIN_MAX_BODY_BYTES) : limits.maxBodyBytes;
    const { body, tooLarge } = await readBody(message, cap);
    const request: ProviderRequest = {
      method: message.method ?? 'GET',
      target: message.url ?? '/',
      host: message.headers.host ?? `${message.socket.localAddress ?? '127.0.0.1'}:${message.socket.localPort ?? 80}`,
      headers: headersOf(message),
      body,
      remoteAddress: message.socket.remoteAddress ?? '',
      localAddress: message.socket.localAddress,
      localPort: message.socket.localPort,
    };
    if (!tooLarge) return { answer: route(request, context), close: false };
    const failure = fail('parameter_rejected', { status: 413, detail: 'body-too-large', advice: `The request body is larger than ${cap} bytes.` });
    return { answer: context.refuse(failure, request), close: true };
  } catch {
    return { answer: reply(500, TEXT, 'Internal error in the test provider\n'), close: true };
  }
}

/**
 * The node:http edge: turns messages into ProviderRequest values, asks the
 * pure router, writes the reply. Bad input never throws out of here: an
 * unparsable request gets 400/431, an unexpected error a 500, and the
 * server keeps serving.
 */
export function createProviderServer(context: ProviderContext, limits: ServerLimits, onExchange?: (exchange: ProviderExchange) => void): { server: Server; cancelPending(): void } {
  const pending = new Set<NodeJS.Timeout>();
  const later = (send: () => void) => {
    const timer = setTimeout(() => {
      pending.delete(timer);
      send();
    }, context.settings.slowMs);
    pending.add(timer);
  };
  const server = createServer(
    {
      maxHeaderSize: limits.maxHeaderBytes,
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node checks the two timeouts on this interval (default 30 s).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.headersTimeoutMs / 2))),
    },
    (message, response) => {
      const started = Date.now();
      void answer(message, context, limits).then(({ answer: result, close }) => {
        const send = () => {
          if (response.destroyed) return;
          write(response, result, close, context.now());
          onExchange?.({ method: message.method ?? '', path: (message.url ?? '').split('?')[0] ?? '', status: result.status, problem: problemOf(result), ms: Date.now() - started });
        };
        if (context.settings.slowMs > 0) later(send);
        else send();
      });
    },
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const [status, advice] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'The request is not valid HTTP.'];
    if (!socket.writable) return void socket.destroy();
    socket.end(rawProblem(status, advice));
    // The server keeps its side half-open after end(); a client that never reads or never closes
    // (a slowloris, issue 7) would hold the connection for ever. Drop it once the answer is out.
    setTimeout(() => socket.destroy(), CLIENT_ERROR_LINGER_MS).unref();
  });
  return {
    server,
    cancelPending: () => {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    },
  };
}
