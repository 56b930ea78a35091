// The services of the Open311 interface: one per ticket kind, each with a definition whose
// lists come from the matter catalogue in force. Complaints and reports are blackbox: they can
// be filed but are never listed or shown, because whoever complains must stay unknown.
import type {
  Open311Attribute,
  Open311Service,
  Open311ServiceDefinition,
} from '../../contract/open311.js';
import type { TicketKind } from '../../contract/tickets.js';
import type { AppContext } from '../context.js';
import { listPublicMatters } from '../matters/service.js';
import { badField, notFound } from './errors.js';

/** How each kind is served: names, POST answer type and the group it is listed under. */
const kindServices: Record<
  TicketKind,
  { name: string; description: string; type: Open311Service['type']; keywords: string }
> = {
  consultation: {
    name: '咨询 Consultation',
    description: '询问城管执法事项和办事规定 / Ask about enforcement matters and rules',
    type: 'realtime',
    keywords: '咨询,consultation,question',
  },
  help: {
    name: '求助 Help',
    description: '请城管队员帮助解决身边问题 / Ask the officers for help with a problem',
    type: 'realtime',
    keywords: '求助,help',
  },
  suggestion: {
    name: '建议 Suggestion',
    description: '对社区治理和执法工作提出建议 / Suggest an improvement',
    type: 'batch',
    keywords: '建议,suggestion,idea',
  },
  complaint: {
    name: '投诉 Complaint',
    description: '投诉执法或服务问题，不公开 / Complain; never published',
    type: 'blackbox',
    keywords: '投诉,complaint',
  },
  report: {
    name: '举报 Report',
    description: '举报违法行为，不公开 / Report a violation; never published',
    type: 'blackbox',
    keywords: '举报,report,violation',
  },
};

/** The service codes in list order; a code is the ticket kind it files. */
export const serviceCodes = Object.keys(kindServices) as TicketKind[];

/** The kinds whose requests the GET methods may show. */
export const publicKinds: TicketKind[] = serviceCodes.filter(
  (k) => kindServices[k].type !== 'blackbox',
);

/** The display name of a service. */
export function serviceNameOf(kind: TicketKind): string {
  return kindServices[kind].name;
}

/** The POST answer type of a service. */
export function serviceTypeOf(kind: TicketKind): Open311Service['type'] {
  return kindServices[kind].type;
}

/** The service list of GET services. */
export function listServices(): Open311Service[] {
  return serviceCodes.map((kind) => ({
    service_code: kind,
    service_name: kindServices[kind].name,
    description: kindServices[kind].description,
    metadata: true,
    type: kindServices[kind].type,
    keywords: kindServices[kind].keywords,
    group: kindServices[kind].type === 'blackbox' ? '不公开 private' : '公开 public',
  }));
}

/** The kind a service code names; a missing code is 400 and an unknown one 404. */
export function kindOfCode(code: string | undefined, field = 'service_code'): TicketKind {
  if (code === undefined) {
    throw badField(field, '缺少服务代码', 'service_code is required');
  }
  if (!(serviceCodes as string[]).includes(code)) {
    throw notFound(field, '没有该服务', 'no such service');
  }
  return code as TicketKind;
}

/** The two fixed lists beside the catalogue's matters. */
export const contactTimes = ['morning', 'afternoon', 'evening'] as const;
export const consentValues = ['yes', 'no'] as const;

/** The attributes of a service's definition, the matter list read from the catalogue. */
export async function attributesOf(ctx: AppContext): Promise<Open311Attribute[]> {
  const matters = await listPublicMatters(ctx, {});
  return [
    {
      variable: true,
      code: 'matter',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: '执法事项清单中的事项代码 / A code of the matter catalogue',
      order: 1,
      description: '涉及哪个执法事项？/ Which enforcement matter is it about?',
      values: matters.items.map((m) => ({ key: m.code, name: `${m.name} ${m.nameEn}` })),
    },
    {
      variable: true,
      code: 'contact_consent',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: null,
      order: 2,
      description: '是否同意联络员联系您？/ May the liaison contact you?',
      values: [
        { key: 'yes', name: '同意 Yes' },
        { key: 'no', name: '不同意 No' },
      ],
    },
    {
      variable: true,
      code: 'contact_times',
      datatype: 'multivaluelist',
      required: false,
      datatype_description: null,
      order: 3,
      description: '方便联系的时段 / When may we call?',
      values: [
        { key: 'morning', name: '上午 Morning' },
        { key: 'afternoon', name: '下午 Afternoon' },
        { key: 'evening', name: '晚上 Evening' },
      ],
    },
    {
      variable: false,
      code: 'place_hint',
      datatype: 'string',
      required: false,
      datatype_description: null,
      order: 4,
      description:
        '地点请用 address_id 填写楼栋联络牌上的楼栋编号或二维码代码 / ' +
        'Give the place as address_id: the building code or the QR code of its placard',
      values: [],
    },
  ];
}

/** The definition of a service: 400 without a code, 404 for an unknown one. */
export async function getServiceDefinition(
  ctx: AppContext,
  code: string | undefined,
): Promise<Open311ServiceDefinition> {
  return { service_code: kindOfCode(code), attributes: await attributesOf(ctx) };
}
