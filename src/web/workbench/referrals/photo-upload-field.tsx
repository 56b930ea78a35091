import { PlusOutlined } from '@ant-design/icons';
import { Upload } from 'antd';
import type { UploadFile, UploadProps } from 'antd';
import { useState } from 'react';

import { MAX_PHOTOS } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { uploadReferralPhoto, type UploadTarget } from './referrals-api';

type PhotoFile = UploadFile<{ id: string }>;

interface PhotoUploadFieldProps {
  target: UploadTarget;
  /** The ids of the photos uploaded so far, as the form sends them. */
  onChange?: (ids: string[]) => void;
  /** True while a photo is still uploading, so the form can wait. */
  onPending?: (pending: boolean) => void;
  testId: string;
}

/** Up to six photos, each uploaded as soon as it is picked; the form sends only their ids. */
export function PhotoUploadField({ target, onChange, onPending, testId }: PhotoUploadFieldProps) {
  const { t } = useI18n();
  const [files, setFiles] = useState<PhotoFile[]>([]);

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    uploadReferralPhoto(target, file as File).then(
      (photo) => {
        onSuccess?.(photo);
      },
      (error: unknown) => {
        onError?.(error instanceof Error ? error : new Error(String(error)));
      },
    );
  };

  const changed = (list: PhotoFile[]) => {
    setFiles(list);
    onChange?.(list.flatMap((f) => (f.status === 'done' && f.response ? [f.response.id] : [])));
    onPending?.(list.some((f) => f.status === 'uploading'));
  };

  return (
    <div data-testid={testId}>
      <Upload<{ id: string }>
        listType="picture-card"
        accept="image/jpeg,image/png,image/webp"
        multiple
        maxCount={MAX_PHOTOS}
        fileList={files}
        customRequest={customRequest}
        onChange={({ fileList }) => {
          changed(fileList);
        }}
      >
        {files.length < MAX_PHOTOS ? (
          <div>
            <PlusOutlined />
            <div className="wb-upload-label">{t('referral.photos.add')}</div>
          </div>
        ) : null}
      </Upload>
    </div>
  );
}
