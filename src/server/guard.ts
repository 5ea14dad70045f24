// What keeps hostile requests from costing the server memory or leaking pages: limits on every body
// (multipart included: parts, files, fields and their sizes), a multipart body read only for a
// logged-in user whose CSRF token (in the query string or a header, since the body is not read yet)
// is valid, no caching of what a logged-in user sees, plain 4xx answers for malformed requests, and
// cookies marked Secure when served over TLS.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppOptions } from './app.js';

/** Any body but multipart: 1 MB. */
export const BODY_LIMIT = 1024 * 1024;

/** Multipart bodies (busboy limits): one file of at most 10 MB, a few small fields. */
export const MULTIPART_LIMITS = {
  fileSize: 10 * 1024 * 1024,
  files: 1,
  fields: 30,
  fieldSize: 64 * 1024,
  fieldNameSize: 100,
  parts: 32,
  headerPairs: 50,
};

/** The answer to each limit and parse error, in Chinese (the code stays the library's). */
const MESSAGES: Record<string, string> = {
  FST_PARTS_LIMIT: `表单的部分太多（最多 ${MULTIPART_LIMITS.parts} 个）`,
  FST_FILES_LIMIT: `一次只能上传 ${MULTIPART_LIMITS.files} 个文件`,
  FST_FIELDS_LIMIT: `表单的字段太多（最多 ${MULTIPART_LIMITS.fields} 个）`,
  FST_FIELD_TOO_LARGE: `表单字段过长（每个最多 ${MULTIPART_LIMITS.fieldSize / 1024} KB）`,
  FST_REQ_FILE_TOO_LARGE: '上传的文件不能超过 10 MB',
  FST_ERR_CTP_BODY_TOO_LARGE: '请求内容过大（最多 1 MB）',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持的请求内容类型',
  FST_ERR_CTP_INVALID_JSON_BODY: '请求内容不是有效的 JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求内容为空',
  FST_INVALID_MULTIPART_CONTENT_TYPE: '请求内容不是有效的表单',
  FST_PROTO_VIOLATION: '表单字段名无效',
};

/** A 4xx error's message for people: the Chinese text of a known code, else the error's own message. */
export function clientMessage(err: Error & { code?: string }): string {
  return (err.code && MESSAGES[err.code]) || err.message;
}

/** The longest URL served (node's own limit on the request head is 16 KB). */
export const MAX_URL = 8 * 1024;

/** An onRequest hook: a URL (a query string) longer than MAX_URL is refused with 414. */
export function limitUrl(req: FastifyRequest, reply: FastifyReply, done: () => void): void {
  if (req.url.length > MAX_URL) {
    reply.code(414).type('text/plain; charset=utf-8').send(`414 请求地址过长（最多 ${MAX_URL / 1024} KB）`);
    return;
  }
  done();
}

class FieldTooLarge extends Error {
  code = 'FST_FIELD_TOO_LARGE';
  statusCode = 413;
}

const isMultipart = (req: FastifyRequest) => /^multipart\//i.test(String(req.headers['content-type'] ?? ''));

/**
 * An onRequest hook, after the viewer is known: a multipart body is read only for a logged-in user
 * with a valid CSRF token (query `_csrf` or header x-csrf-token), and a field longer than the limit is
 * refused rather than silently cut.
 */
export function guardMultipart(app: FastifyInstance) {
  return (req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void): void => {
    if (!isMultipart(req)) return done();
    if (!req.viewer) {
      reply.code(401).type('text/plain; charset=utf-8').send('401 请先登录再上传');
      return;
    }
    const parts = req.parts.bind(req);
    (req as unknown as { parts: typeof parts }).parts = async function* (opts?: Parameters<typeof parts>[0]) {
      try {
        for await (const part of parts(opts)) {
          if (part.type === 'field' && (part.valueTruncated || part.fieldnameTruncated)) throw new FieldTooLarge('field too large');
          yield part;
        }
      } catch (e) {
        // busboy's own errors (no boundary, a body cut short) are the client's, not the server's
        const err = e as Error & { statusCode?: number; code?: string };
        if (!err.statusCode) Object.assign(err, { statusCode: 400, code: 'FST_INVALID_MULTIPART_CONTENT_TYPE' });
        throw err;
      }
    } as typeof parts;
    app.csrfProtection(req, reply, done);
  };
}

/** A request that failed on the server: one line on stderr (the logger, when enabled, has the details). */
export function logFailure(req: FastifyRequest, err: Error): void {
  req.log.error(err);
  if (!req.server.log.level || req.server.log.level === 'silent') process.stderr.write(`lantu: ${new Date().toISOString()} ${req.method} ${req.url.split('?')[0]}: ${err.stack ?? err.message}\n`);
}

/** An onSend hook: what a logged-in user is sent is not kept by browsers or proxies. */
export function noStore(req: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: null, p: unknown) => void): void {
  if (req.viewer) reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
  done(null, payload);
}

/** The `secure` flag of every cookie: always (LANTU_SECURE_COOKIES), when the request came over https as a trusted proxy says (LANTU_TRUST_PROXY), or never. */
export const secureFlag = (opts: AppOptions): boolean | 'auto' => (opts.secureCookies ? true : opts.trustProxy ? 'auto' : false);
