// GET /admin/uploads — the upload form and recent jobs; POST /admin/uploads — up to MAX_FILES documents
// (multipart, the role checked before the body is read), checked and ingested in the background;
// GET /admin/uploads/:id — the job's progress and each file's outcome (planners, administrators; audited).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole } from '../../auth.js';
import { clientMessage, MULTIPART_LIMITS } from '../../guard.js';
import { idle, jobById, MAX_FILES, recentJobs, startJob } from './ingest-jobs.js';
import { jobPage, progress, uploadsPage } from '../../../web/admin/uploads.js';
import { notFound, sendPage } from '../pages/util.js';
import { actorOf, param, STEWARDS } from './common.js';

// the app keeps a file's bytes but not its name (attachFieldsToBody: 'keyValues'): the names are noted as the parts go by
const names = new WeakMap<FastifyRequest, string[]>();
function noteNames(req: FastifyRequest, _reply: FastifyReply, done: () => void): void {
  const parts = req.parts.bind(req);
  names.set(req, []);
  (req as unknown as { parts: typeof parts }).parts = async function* (opts?: Parameters<typeof parts>[0]) {
    for await (const part of parts(opts)) {
      if (part.type === 'file' && part.fieldname === 'documents') names.get(req)!.push(part.filename ?? '');
      yield part;
    }
  } as typeof parts;
  done();
}

export async function uploadRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onClose', () => idle());
  const form = async (req: FastifyRequest, reply: FastifyReply, error?: string) =>
    sendPage(reply, '上传文件', uploadsPage({ viewer: req.viewer!, lang: req.lang, csrf: reply.ctx().csrf, jobs: await recentJobs(app.store), maxFiles: MAX_FILES, maxMb: MULTIPART_LIMITS.fileSize / 1024 / 1024, error }));

  app.get('/admin/uploads', STEWARDS, (req, reply) => form(req, reply));

  app.post('/admin/uploads', {
    onRequest: [requireRole('admin', 'planner'), noteNames],
    config: { multipartOptions: { limits: { files: MAX_FILES } } },
    // a limit passed while the body was read: the form again, with the reason
    errorHandler: (err: FastifyError, req, reply) => (err.statusCode && err.statusCode < 500 && req.viewer ? form(req, reply.code(err.statusCode), clientMessage(err).replace(/一次只能上传 \d+ 个文件/, `一次最多上传 ${MAX_FILES} 个文件`)) : reply.send(err)),
  }, async (req, reply) => {
    const body = (req.body as Record<string, unknown> | undefined)?.documents;
    const buffers = (Array.isArray(body) ? body : [body]).filter((b): b is Buffer => Buffer.isBuffer(b));
    const list = names.get(req) ?? [];
    const files = buffers.map((bytes, i) => ({ name: list[i] ?? '', bytes })).filter((f) => f.name || f.bytes.length);
    if (!files.length) return form(req, reply.code(400), '请选择要上传的文件');
    const id = await startJob(app.store, app.lantu.uploadDir, files, actorOf(req));
    return reply.redirect(`/admin/uploads/${id}?fresh=1`, 303);
  });

  app.get('/admin/uploads/:id', STEWARDS, async (req, reply) => {
    const job = await jobById(app.store, param(req));
    if (!job) return notFound(reply, '上传记录');
    if (progress(job) === 'running') reply.header('refresh', `2; url=/admin/uploads/${job.id}`);
    return sendPage(reply, '导入进度', jobPage(req.viewer!, req.lang, job, (req.query as Record<string, unknown>).fresh === '1'));
  });
}
