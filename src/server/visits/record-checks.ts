// Checks visits and meetings share: the date they carry, lists without repeats, and who may
// still correct them. Each refusal names the field and changes nothing.
import { editableUntil, recordDateProblem } from '../../domain/field-work-rules.js';
import { shanghaiDate } from '../../domain/working-calendar.js';
import type { StaffActor } from '../accounts/service.js';
import { AppError, fieldIssue } from '../errors.js';

/** Refuses a date that is not real, lies in the future, or is more than `maxDaysBack` days old. */
export function checkRecordDate(date: string, now: Date, maxDaysBack: number): void {
  const problem = recordDateProblem(date, shanghaiDate(now), maxDaysBack);
  if (problem === 'not_a_date') {
    throw new AppError('validation_failed', [
      fieldIssue('date', '不是有效的日期', 'not a valid date'),
    ]);
  }
  if (problem === 'future') {
    throw new AppError('validation_failed', [
      fieldIssue('date', '日期不能晚于今天', 'must not be later than today'),
    ]);
  }
  if (problem === 'too_old') {
    throw new AppError('validation_failed', [
      fieldIssue(
        'date',
        `只能登记${maxDaysBack}天以内的日期`,
        `must be within the last ${maxDaysBack} days`,
      ),
    ]);
  }
}

/** Refuses a list that names the same value twice, at the first repeat (partners.2). */
export function checkNoRepeats(field: string, values: readonly string[]): void {
  const repeat = values.findIndex((v, i) => values.indexOf(v) !== i);
  if (repeat >= 0) {
    throw new AppError('validation_failed', [
      fieldIssue(`${field}.${repeat}`, '重复填写', 'listed twice'),
    ]);
  }
}

/**
 * Only the person who recorded a visit or meeting may correct it, and only until 24:00 of the
 * 7th day after recording it (EDIT_WINDOW_DAYS); the record stays as evidence afterwards.
 */
export function checkEditable(
  actor: StaffActor,
  record: { created_by: string; created_at: string },
  now: Date,
): void {
  if (record.created_by !== actor.id) {
    throw new AppError('forbidden');
  }
  if (now.getTime() > editableUntil(new Date(record.created_at)).getTime()) {
    throw new AppError('edit_window_closed');
  }
}

/** Whether the actor may still correct a record, for the buttons the workbench shows. */
export function canEdit(
  actor: StaffActor,
  record: { created_by: string; created_at: string },
  now: Date,
): boolean {
  return (
    record.created_by === actor.id &&
    now.getTime() <= editableUntil(new Date(record.created_at)).getTime()
  );
}
