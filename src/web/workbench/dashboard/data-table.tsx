import { useI18n } from '../../i18n/i18n-context';

interface DataTableProps {
  testId: string;
  caption: string;
  head: string[];
  rows: (string | number)[][];
}

/** The numbers behind a chart, as a table a screen reader (and a test) can read. */
export function DataTable({ testId, caption, head, rows }: DataTableProps) {
  const { t } = useI18n();
  return (
    <details className="wb-dash-data">
      <summary>{t('dashboard.data.show')}</summary>
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
