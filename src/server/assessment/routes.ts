import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StaffRole } from '../../contract/auth.js';
import {
  assessmentReaderRoles,
  drilldownQuerySchema,
  drilldownSchema,
  exemplaryInputSchema,
  exemplaryListQuerySchema,
  exemplaryListSchema,
  exemplarySchema,
  periodQuerySchema,
  schemeSchema,
  scoresSchema,
  setSchemeSchema,
} from '../../contract/assessment.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { requireStaff, staffOnlyFirst } from '../http/auth.js';
import { binaryResponse } from '../http/binary-responses.js';
import { errorResponses } from '../http/error-responses.js';
import * as exemplary from './exemplary.js';
import { scoresWorkbook } from './export.js';
import { scoresReport } from './report.js';
import { readScheme, setScheme } from './scheme.js';
import { assessmentDrilldown, assessmentScores } from './service.js';

const errors = errorResponses(400, 401, 403, 404, 409, 422);
const bureau: readonly StaffRole[] = ['bureau_admin'];
const idParams = z.object({ id: z.string().min(1).max(64) });
const fileParams = idParams.extend({ fileId: z.string().min(1).max(64) });

/** An evidence file as it was stored, never sniffed by the browser. */
function sendEvidence(reply: FastifyReply, photo: { mime: string; bytes: Buffer }) {
  return reply
    .header('content-type', photo.mime)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=3600')
    .send(photo.bytes);
}

function download(reply: FastifyReply, bytes: Buffer, mime: string, filename: string) {
  return reply
    .header('content-type', mime)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(bytes);
}

/** Scores, drill-down, the Excel export and the monthly PDF report. */
function registerScoreRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const query = { tags: ['workbench'], querystring: periodQuerySchema };
  const file = (type: 'pdf' | 'xlsx', what: string) => ({
    ...query,
    response: { ...binaryResponse(type, what), ...errors },
  });
  const readersOnly = { preValidation: staffOnlyFirst(ctx, assessmentReaderRoles) };

  r.get(
    '/api/staff/assessment/scores',
    { ...readersOnly, schema: { ...query, response: { 200: scoresSchema, ...errors } } },
    async (request) => {
      await requireStaff(ctx, request, assessmentReaderRoles);
      return assessmentScores(ctx, request.query.period);
    },
  );
  r.get(
    '/api/staff/assessment/drilldown',
    {
      ...readersOnly,
      schema: {
        tags: ['workbench'],
        querystring: drilldownQuerySchema,
        response: { 200: drilldownSchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, assessmentReaderRoles);
      return assessmentDrilldown(ctx, actor, request.query);
    },
  );
  r.get(
    '/api/staff/assessment/export.xlsx',
    { ...readersOnly, schema: file('xlsx', '考核得分表 / the scores workbook') },
    async (request, reply) => {
      await requireStaff(ctx, request, assessmentReaderRoles);
      const scores = await assessmentScores(ctx, request.query.period);
      const mime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return download(
        reply,
        await scoresWorkbook(scores),
        mime,
        `assessment-${scores.period.key}.xlsx`,
      );
    },
  );
  r.get(
    '/api/staff/assessment/report.pdf',
    { ...readersOnly, schema: file('pdf', '考核报告 / the monthly report') },
    async (request, reply) => {
      await requireStaff(ctx, request, assessmentReaderRoles);
      if (!/^\d{4}-\d{2}$/.test(request.query.period)) {
        throw new AppError('validation_failed', [
          fieldIssue('period', '月度报告须选择一个月份', 'the monthly report needs a month'),
        ]);
      }
      const scores = await assessmentScores(ctx, request.query.period);
      const pdf = await scoresReport(scores, ctx.now());
      return download(reply, pdf, 'application/pdf', `assessment-${scores.period.key}.pdf`);
    },
  );
}

/** The weights and targets: everyone who reads scores reads them; the bureau admin sets them. */
function registerSchemeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/staff/assessment/scheme',
    { schema: { tags: ['workbench'], response: { 200: schemeSchema, ...errors } } },
    async (request) => {
      await requireStaff(ctx, request, assessmentReaderRoles);
      return readScheme(ctx);
    },
  );
  r.put(
    '/api/staff/assessment/scheme',
    {
      schema: {
        tags: ['workbench'],
        body: setSchemeSchema,
        response: { 200: schemeSchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, bureau);
      return setScheme(ctx, actor, request.body, request.id);
    },
  );
}

/** Exemplary work: read by every reader, recorded and corrected by the bureau admin. */
function registerExemplaryRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const one = {
    tags: ['workbench'],
    response: { 200: exemplarySchema, 201: exemplarySchema, ...errors },
  };
  r.get(
    '/api/staff/assessment/exemplary',
    {
      schema: {
        tags: ['workbench'],
        querystring: exemplaryListQuerySchema,
        response: { 200: exemplaryListSchema, ...errors },
      },
    },
    async (request) => {
      await requireStaff(ctx, request, assessmentReaderRoles);
      return { items: await exemplary.listExemplary(ctx, request.query) };
    },
  );
  r.post(
    '/api/staff/assessment/exemplary',
    { schema: { ...one, body: exemplaryInputSchema } },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, bureau);
      return reply
        .status(201)
        .send(await exemplary.createExemplary(ctx, actor, request.body, request.id));
    },
  );
  r.put(
    '/api/staff/assessment/exemplary/:id',
    { schema: { ...one, params: idParams, body: exemplaryInputSchema } },
    async (request) => {
      const actor = await requireStaff(ctx, request, bureau);
      return exemplary.editExemplary(ctx, actor, request.params.id, request.body, request.id);
    },
  );
  r.delete(
    '/api/staff/assessment/exemplary/:id',
    { schema: { tags: ['workbench'], params: idParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, bureau);
      await exemplary.deleteExemplary(ctx, actor, request.params.id, request.id);
      return reply.status(204).send(null);
    },
  );
  registerEvidenceRoutes(app, ctx);
}

function registerEvidenceRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/staff/assessment/exemplary/:id/evidence',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: exemplarySchema, ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, bureau);
      if (!request.isMultipart()) {
        throw new AppError('unsupported_media_type');
      }
      const file = await request.file();
      if (!file || file.fieldname !== 'file') {
        throw new AppError('validation_failed', [
          fieldIssue('file', '请选择一张照片', 'choose a photo'),
        ]);
      }
      const upload = { bytes: await file.toBuffer(), filename: file.filename };
      const saved = await exemplary.addEvidence(ctx, actor, request.params.id, upload, request.id);
      return reply.status(201).send(saved);
    },
  );
  r.get(
    '/api/staff/assessment/exemplary/:id/evidence/:fileId',
    {
      schema: {
        tags: ['workbench'],
        params: fileParams,
        response: { ...binaryResponse('media', '佐证材料 / the evidence'), ...errors },
      },
    },
    async (request, reply) => {
      await requireStaff(ctx, request, assessmentReaderRoles);
      const photo = await exemplary.readEvidence(ctx, request.params.id, request.params.fileId);
      return sendEvidence(reply, photo);
    },
  );
}

/** The street assessment (docs/assessment.md). */
export function registerAssessmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerScoreRoutes(app, ctx);
  registerSchemeRoutes(app, ctx);
  registerExemplaryRoutes(app, ctx);
}
