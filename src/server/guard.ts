// What keeps hostile requests from costing the server memory or leaking pages: limits on every body
// (multipart included: parts, files, fields and their sizes), a multipart body read only for a
// logged-in user whose CSRF token (in the query string or a header, since the body is not read yet)
// is valid, no caching of what a logged-in user sees, and plain 4xx answers for malformed requests.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

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
      for await (const part of parts(opts)) {
        if (part.type === 'field' && (part.valueTruncated || part.fieldnameTruncated)) throw new FieldTooLarge('field too large');
        yield part;
      }
    } as typeof parts;
    app.csrfProtection(req, reply, done);
  };
}

/** An onSend hook: what a logged-in user is sent is not kept by browsers or proxies. */
export function noStore(req: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: null, p: unknown) => void): void {
  if (req.viewer) reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
  done(null, payload);
}
