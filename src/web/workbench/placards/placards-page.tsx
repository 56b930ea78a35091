import { DownloadOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router';

import type {
  PlacardRegister,
  PlacardRegisterRow,
  PlacardScopeTree,
} from '../../../contract/placards';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../shared/use-document-title';
import { isUnauthenticated, useAuth } from '../auth/auth-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { CheckModal } from './check-modal';
import {
  buildingPdfPath,
  downloadPdf,
  fetchPlacardScopes,
  fetchRegister,
  postMarkPrinted,
  postRotate,
  scopePdfPath,
  type ScopeChoice,
} from './placards-api';
import { PointModal } from './point-modal';
import { registerColumns, rowKey } from './register-columns';
import { FilterBar, ScopePicker } from './scope-picker';
import './placards.css';

/** One action of the page, run with its busy state and error shown. */
type Work = () => Awaitable;
type Awaitable = Promise<unknown>;

type Dialog = { kind: 'check' | 'add' | 'edit'; row: PlacardRegisterRow } | null;

function readNumber(value: string | null): number | null {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : null;
}

/** The scope in the address, or the first the officer may choose. */
function scopeOf(params: URLSearchParams, tree: PlacardScopeTree): ScopeChoice {
  const street = tree.streets.find((s) => s.code === params.get('street')) ?? tree.streets[0];
  if (!street) {
    return { street: '', community: '' };
  }
  const wanted = params.get('community') ?? '';
  if (street.communities.some((c) => c.code === wanted)) {
    return { street: street.code, community: wanted };
  }
  // A liaison never prints a whole street: their first community instead.
  return {
    street: street.code,
    community: street.whole ? '' : (street.communities[0]?.code ?? ''),
  };
}

/** /workbench/placards — the placard register of a community or street, and its printing. */
export function PlacardsPage() {
  const { t } = useI18n();
  useDocumentTitle('menu.placards');
  const { resource } = useStaffResource('placard-scopes', fetchPlacardScopes);
  if (resource.state === 'failed') {
    return <ErrorAlert error={resource.error} />;
  }
  if (resource.state === 'loading') {
    return <Card loading />;
  }
  if (resource.data.streets.length === 0) {
    return <Empty description={t('placards.no_scope')} />;
  }
  return <RegisterView tree={resource.data} />;
}

function RegisterView({ tree }: { tree: PlacardScopeTree }) {
  const { t } = useI18n();
  const auth = useAuth();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const scope = scopeOf(params, tree);
  const filter = {
    needsReprint: params.get('reprint') === '1',
    notCheckedDays: readNumber(params.get('days')),
    page: readNumber(params.get('page')) ?? 1,
    pageSize: readNumber(params.get('pageSize')) ?? 50,
  };
  const key = JSON.stringify({ scope, filter });
  const { resource, reload } = useStaffResource(key, (signal) =>
    fetchRegister(scope, filter, signal),
  );
  const last = useRef<PlacardRegister | null>(null);
  if (resource.state === 'ready') {
    last.current = resource.data;
  }
  const data = last.current;
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const go = (next: Partial<ScopeChoice & typeof filter>) => {
    const merged = { ...scope, ...filter, page: 1, ...next };
    const query: Record<string, string> = { street: merged.street, community: merged.community };
    if (merged.needsReprint) {
      query.reprint = '1';
    }
    if (merged.notCheckedDays) {
      query.days = String(merged.notCheckedDays);
    }
    query.page = String(merged.page);
    query.pageSize = String(merged.pageSize);
    setSelected([]);
    setParams(query);
  };

  /** Runs one action, showing its refusal; a lapsed session goes back to the login. */
  const run = async (label: string, work: Work) => {
    setBusy(label);
    setError(null);
    try {
      await work();
    } catch (failure) {
      if (isUnauthenticated(failure)) {
        auth.expire();
        return;
      }
      setError(failure);
    } finally {
      setBusy(null);
    }
  };

  const actions = {
    mayRotate: tree.mayRotate,
    busyBuilding: busy?.startsWith('pdf:') ? busy.slice(4) : null,
    download: (row: PlacardRegisterRow) =>
      void run(`pdf:${row.building.id}`, () =>
        downloadPdf(buildingPdfPath(row.building.id), `placard-${row.building.code}.pdf`),
      ),
    check: (row: PlacardRegisterRow) => {
      setDialog({ kind: 'check', row });
    },
    addPoint: (row: PlacardRegisterRow) => {
      setDialog({ kind: 'add', row });
    },
    editPoint: (row: PlacardRegisterRow) => {
      setDialog({ kind: 'edit', row });
    },
    rotate: (row: PlacardRegisterRow) =>
      void run('rotate', async () => {
        await postRotate(row.building.id);
        void message.success(t('placards.rotate.done', { building: row.building.name }));
        reload();
      }),
  };
  const columns = registerColumns(t, actions);
  const selectedRows = (data?.items ?? []).filter((row) => selected.includes(rowKey(row)));

  const markPrinted = () =>
    void run('mark', async () => {
      const result = await postMarkPrinted(selectedRows);
      void message.success(
        t('placards.mark.done', { buildings: result.buildings, points: result.points }),
      );
      setSelected([]);
      reload();
    });
  const downloadScope = () =>
    void run('scope-pdf', () => downloadPdf(scopePdfPath(scope), 'placards.pdf'));
  const closeDialog = (changed: boolean) => {
    setDialog(null);
    if (changed) {
      reload();
    }
  };

  return (
    <Card>
      <div className="wb-toolbar">
        <Typography.Title level={4} className="wb-title">
          {t('menu.placards')}
        </Typography.Title>
        <div className="wb-toolbar-controls">
          <ScopePicker
            tree={tree}
            scope={scope}
            onScope={(next) => {
              go(next);
            }}
          />
          <Button icon={<ReloadOutlined />} onClick={reload}>
            {t('common.refresh')}
          </Button>
        </div>
      </div>
      <Typography.Paragraph type="secondary">{t('placards.lead')}</Typography.Paragraph>
      <div className="wb-toolbar">
        <FilterBar
          needsReprint={filter.needsReprint}
          notCheckedDays={filter.notCheckedDays}
          onChange={(next) => {
            go(next);
          }}
        />
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            loading={busy === 'scope-pdf'}
            onClick={downloadScope}
            data-testid="scope-pdf"
          >
            {t(scope.community ? 'placards.action.community_pdf' : 'placards.action.street_pdf')}
          </Button>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={selectedRows.length === 0}
            loading={busy === 'mark'}
            onClick={markPrinted}
            data-testid="mark-printed"
          >
            {t('placards.action.mark_printed', { count: selectedRows.length })}
          </Button>
        </Space>
      </div>
      {data ? (
        <Typography.Paragraph data-testid="placard-summary">
          {t('placards.summary', { ...data.summary, scope: data.scope.name })}
        </Typography.Paragraph>
      ) : null}
      {error ? (
        <ErrorAlert
          error={error}
          onClose={() => {
            setError(null);
          }}
        />
      ) : null}
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Table<PlacardRegisterRow>
        rowKey={rowKey}
        size="middle"
        data-testid="placard-register"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={resource.state === 'loading'}
        scroll={{ x: 1200 }}
        locale={{ emptyText: t('placards.empty') }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => {
            setSelected(keys.map(String));
          },
        }}
        pagination={{
          current: data?.page ?? filter.page,
          pageSize: data?.pageSize ?? filter.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('inbox.total', { total }),
          onChange: (page, pageSize) => {
            go({ page, pageSize });
          },
        }}
      />
      {dialog?.kind === 'check' ? (
        <CheckModal
          row={dialog.row}
          onClose={() => {
            closeDialog(false);
          }}
          onDone={() => {
            closeDialog(true);
          }}
        />
      ) : null}
      {dialog && dialog.kind !== 'check' ? (
        <PointModal
          row={dialog.row}
          mode={dialog.kind}
          onClose={() => {
            closeDialog(false);
          }}
          onDone={() => {
            closeDialog(true);
          }}
        />
      ) : null}
    </Card>
  );
}
