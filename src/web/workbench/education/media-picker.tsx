import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';
import { useState } from 'react';

import type { Media } from '../../../contract/education';
import { useI18n } from '../../i18n/i18n-context';
import { errorText } from '../../shared/error-text';
import { uploadMedia } from './education-api';

/** Where the workbench loads an uploaded file; staff may preview files of drafts there. */
export const mediaUrlOf = (id: string) => `/api/public/education/media/${encodeURIComponent(id)}`;

interface UploadButtonProps {
  kind: 'images' | 'videos';
  label: string;
  onUploaded: (media: Media) => void;
  testId: string;
}

/** One file picked and uploaded at once; a refusal is shown under the button. */
export function UploadButton({ kind, label, onUploaded, testId }: UploadButtonProps) {
  const i18n = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const accept = kind === 'images' ? 'image/jpeg,image/png,image/webp' : 'video/mp4';
  return (
    <div data-testid={testId}>
      <Upload
        accept={accept}
        showUploadList={false}
        customRequest={({ file }) => {
          setBusy(true);
          setFailure(null);
          uploadMedia(kind, file as File)
            .then(onUploaded, setFailure)
            .finally(() => {
              setBusy(false);
            });
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy}>
          {label}
        </Button>
      </Upload>
      {failure ? (
        <div className="ant-form-item-explain-error" role="alert">
          {errorText(i18n, failure)}
        </div>
      ) : null}
    </div>
  );
}

interface MediaPickerProps {
  kind: 'images' | 'videos';
  value?: string | null;
  onChange?: (id: string | null) => void;
  testId: string;
}

/** A form field holding one uploaded file's id, with a preview of it. */
export function MediaPicker({ kind, value, onChange, testId }: MediaPickerProps) {
  const { t } = useI18n();
  return (
    <div className="wb-stack">
      {value && kind === 'images' ? (
        <img src={mediaUrlOf(value)} alt={t('education.media.preview_alt')} className="edu-thumb" />
      ) : null}
      {value && kind === 'videos' ? (
        <video src={mediaUrlOf(value)} controls preload="metadata" className="edu-thumb" />
      ) : null}
      <UploadButton
        kind={kind}
        label={value ? t('education.media.replace') : t(`education.media.upload_${kind}`)}
        onUploaded={(media) => onChange?.(media.id)}
        testId={testId}
      />
    </div>
  );
}
