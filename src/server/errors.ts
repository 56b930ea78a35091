import type { ErrorCode, FieldIssue } from '../contract/common.js';

/** A refusal with a stable code; one table below maps codes to HTTP status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: FieldIssue[],
  ) {
    super(code);
  }
}

/** The one map from error code to HTTP status. */
export const httpStatusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  malformed_json: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  too_many_files: 400,
  photo_not_image: 415,
  photo_type_refused: 415,
  photo_too_many_pixels: 422,
  photo_not_found: 404,
  not_authenticated: 401,
  login_failed: 401,
  forbidden: 403,
  not_found: 404,
  placard_not_found: 404,
  placard_retired: 410,
  ticket_not_found: 404,
  matter_not_found: 422,
  staff_not_found: 422,
  transition_refused: 422,
  state_conflict: 409,
  idempotency_conflict: 409,
  rate_limited: 429,
  service_unavailable: 503,
  pdf_font_missing: 503,
  edit_window_closed: 422,
  video_type_refused: 415,
  video_codec_refused: 415,
  range_not_satisfiable: 416,
  self_review_refused: 422,
  verification_failed: 401,
  credit_record_not_found: 404,
  credit_repair_not_ready: 422,
  campaign_closed: 422,
  survey_already_answered: 409,
  survey_closed: 422,
  personal_matter: 422,
  csrf_failed: 403,
  second_factor_failed: 401,
  signature_invalid: 401,
  internal_error: 500,
};

/** The sentence sent with each code, Chinese first then English; clients translate the code. */
export const messageOf: Record<ErrorCode, [string, string]> = {
  bad_request: ['请求有误', 'The request is not valid'],
  validation_failed: ['填写的内容有误，请按提示修改', 'Some fields are not valid'],
  malformed_json: ['请求内容不是有效的 JSON', 'The body is not valid JSON'],
  unsupported_media_type: ['不支持的内容类型', 'Unsupported content type'],
  payload_too_large: ['内容太大', 'The content is too large'],
  too_many_files: ['文件数量超过上限', 'Too many files'],
  photo_not_image: ['文件不是图片', 'The file is not an image'],
  photo_type_refused: [
    '只接受 JPEG、PNG、WebP 图片',
    'Only JPEG, PNG and WebP photos are accepted',
  ],
  photo_too_many_pixels: ['图片像素过多', 'The image has too many pixels'],
  photo_not_found: ['照片不存在或已使用', 'The photo does not exist or is already used'],
  not_authenticated: ['请先登录', 'Please log in'],
  login_failed: [
    '用户名或密码错误，或账号因多次失败已被暂时锁定',
    'Wrong user name or password, or the account is locked for a while after repeated failures',
  ],
  forbidden: ['无权执行此操作', 'You may not do this'],
  not_found: ['未找到', 'Not found'],
  placard_not_found: ['未找到该联络牌', 'No placard has this code'],
  placard_retired: ['该联络牌已停用', 'This placard has been retired'],
  ticket_not_found: ['未找到该诉求', 'No such request'],
  matter_not_found: ['未找到该执法事项', 'No such enforcement matter'],
  staff_not_found: ['未找到该工作人员', 'No such staff member'],
  transition_refused: ['当前状态下不能执行此操作', 'This step is not allowed now'],
  state_conflict: ['诉求已被他人更新，请刷新', 'The request changed meanwhile; reload it'],
  idempotency_conflict: [
    '同一幂等键已用于不同的内容',
    'This idempotency key was used with a different body',
  ],
  rate_limited: ['请求过于频繁，请稍后再试', 'Too many requests; try again later'],
  service_unavailable: ['服务暂时不可用，请稍后再试', 'Service unavailable; try again later'],
  pdf_font_missing: [
    '服务器没有中文字体，无法生成 PDF（请安装 fonts-wqy-microhei 或设置 PDF_FONT）',
    'The server has no Chinese font for PDFs (install fonts-wqy-microhei or set PDF_FONT)',
  ],
  edit_window_closed: [
    '记录只能在登记后7天内由登记人修改',
    'A record can be corrected only by whoever made it, within 7 days',
  ],
  video_type_refused: ['只接受 MP4 视频', 'Only MP4 videos are accepted'],
  video_codec_refused: [
    '视频须为 H.264 画面、AAC 声音的 MP4',
    'The MP4 must carry H.264 video and AAC audio',
  ],
  range_not_satisfiable: ['请求的字节范围超出文件', 'The requested byte range is outside the file'],
  self_review_refused: ['不能审核自己撰写的内容', 'You may not review what you wrote'],
  verification_failed: [
    '验证码不正确或已失效，请重新获取',
    'The code is wrong or no longer valid; ask for a new one',
  ],
  credit_record_not_found: [
    '未找到与该决定书文号和证件号码相符的行政处罚信息',
    'No penalty decision matches this decision number and identity number',
  ],
  credit_repair_not_ready: [
    '该行政处罚信息目前不能申请信用修复',
    'This penalty record cannot be repaired yet',
  ],
  campaign_closed: ['该征集活动不在征集期内', 'This campaign is not taking suggestions now'],
  survey_already_answered: [
    '本设备已参加过这次测评',
    'This device has already answered this survey',
  ],
  survey_closed: ['该测评不在开放期内', 'This survey is not open now'],
  personal_matter: [
    '个人诉求不属于人民建议，请通过楼栋联络牌提交诉求',
    'A personal claim is not a public suggestion; file it as a request at your building',
  ],
  csrf_failed: [
    '请求来源校验失败，请刷新页面后重试',
    'The request could not be verified as coming from this site; reload the page and retry',
  ],
  second_factor_failed: ['动态口令不正确或已使用', 'The authenticator code is wrong or was used'],
  signature_invalid: ['请求签名无效或已过期', 'The request signature is missing, wrong or too old'],
  internal_error: ['服务器内部错误', 'Internal server error'],
};

/** A single wrong field, in both languages. */
export function fieldIssue(field: string, message: string, messageEn: string): FieldIssue {
  return { field, message, messageEn };
}
