// A refused catalogue form names each wrong field in Chinese and English ("事项名称：不能为空"),
// since the bureau admin fills in a dozen legal texts and must see at once which one is wrong.
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { matterFieldNames } from '../../contract/matters.js';
import type { FieldIssue } from '../../contract/common.js';
import { AppError } from '../errors.js';
import { fieldIssuesOf } from '../http/validation-messages.js';

function labelled(issue: FieldIssue): FieldIssue {
  const names = matterFieldNames[issue.field.split('.')[0] ?? ''];
  if (!names) {
    return issue;
  }
  return {
    field: issue.field,
    message: `${names[0]}：${issue.message}`,
    messageEn: `${names[1]}: ${issue.messageEn}`,
  };
}

/**
 * The body of a request whose route validated it with `attachValidation`: parsed by `schema`,
 * or a `validation_failed` naming every wrong field in both languages.
 */
export function parsedBody<S extends z.ZodType>(request: FastifyRequest, schema: S): z.infer<S> {
  const result = schema.safeParse(request.body);
  if (!result.success) {
    throw new AppError('validation_failed', fieldIssuesOf(result.error.issues).map(labelled));
  }
  return result.data;
}
