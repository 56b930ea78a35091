/**
 * An application for credit repair from submission to the end of the publication: the materials
 * it needs (令第36号 and the 深圳 list of DOMAIN §5: 修复申请表, 信用修复承诺书, 身份证明 or 营业执照,
 * 法定代表人证明, 授权委托书 when an agent applies, proof of having carried out the penalty), the
 * request for missing materials (补正), the decision with reasons and the end of publication.
 */

/** Who applies: the person punished, or the organisation. */
export const applicantKinds = ['person', 'organisation'] as const;
export type ApplicantKind = (typeof applicantKinds)[number];

/** The items of the materials checklist. */
export const materialItems = [
  'application_form',
  'commitment_letter',
  'identity',
  'business_licence',
  'legal_representative',
  'authorization',
  'performance_proof',
] as const;
export type MaterialItem = (typeof materialItems)[number];

/** The items an applicant of a kind must hand in; an agent also hands in the 授权委托书. */
export function requiredMaterials(kind: ApplicantKind, byAgent: boolean): MaterialItem[] {
  const own: MaterialItem[] =
    kind === 'person'
      ? ['application_form', 'commitment_letter', 'identity', 'performance_proof']
      : [
          'application_form',
          'commitment_letter',
          'business_licence',
          'legal_representative',
          'performance_proof',
        ];
  return byAgent ? [...own, 'authorization'] : own;
}

/** The required items among `required` that none of the uploaded items covers. */
export function missingMaterials(
  required: readonly MaterialItem[],
  uploaded: readonly MaterialItem[],
): MaterialItem[] {
  return required.filter((item) => !uploaded.includes(item));
}

export const creditRepairStatuses = [
  'submitted',
  'correction_requested',
  'resubmitted',
  'accepted',
  'refused',
  'completed',
] as const;
export type CreditRepairStatus = (typeof creditRepairStatuses)[number];

/** The staff steps; the resident's own step is `resubmit`. */
export const creditRepairSteps = ['request_correction', 'accept', 'refuse', 'complete'] as const;
export type CreditRepairStep = (typeof creditRepairSteps)[number];

const from: Record<CreditRepairStep, readonly CreditRepairStatus[]> = {
  request_correction: ['submitted', 'resubmitted'],
  accept: ['submitted', 'resubmitted'],
  // An applicant who never hands in what is missing is refused from the 补正 state too.
  refuse: ['submitted', 'resubmitted', 'correction_requested'],
  complete: ['accepted'],
};

/** The staff steps open on an application in `status`, for a role that may decide. */
export function allowedCreditSteps(
  status: CreditRepairStatus,
  mayDecide: boolean,
): CreditRepairStep[] {
  return mayDecide ? creditRepairSteps.filter((s) => from[s].includes(status)) : [];
}

/** Whether the applicant may hand in materials now: only while a 补正 is asked for. */
export function canResubmit(status: CreditRepairStatus): boolean {
  return status === 'correction_requested';
}

/** Whether an application still waits for our decision (its clock runs). */
export function awaitsDecision(status: CreditRepairStatus): boolean {
  return status === 'submitted' || status === 'resubmitted';
}

/** Whether an application is finished: refused, or its publication ended. */
export function isFinished(status: CreditRepairStatus): boolean {
  return status === 'refused' || status === 'completed';
}
