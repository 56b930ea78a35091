import { useDocumentTitle } from '../shared/use-document-title';
import { Notice } from './notice';

/** Any address the resident side does not know. */
export function NotFoundPage() {
  useDocumentTitle('resident.not_found.title');
  return <Notice titleKey="resident.not_found.title" bodyKey="resident.not_found.body" />;
}
