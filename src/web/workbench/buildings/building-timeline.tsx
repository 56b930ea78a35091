import { Button, Empty, Tag, Timeline } from 'antd';
import { Link } from 'react-router';

import type { BuildingFile, TimelineItem } from '../../../contract/buildings';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { timelineHref, timelineText } from './timeline-labels';

interface BuildingTimelineProps {
  file: BuildingFile;
  /** The items shown so far: the first page and any older pages loaded after it. */
  items: TimelineItem[];
  nextBefore: string | null;
  loadingMore: boolean;
  onMore: (before: string) => void;
}

function colourOf(item: TimelineItem): string {
  if (item.kind === 'building_flagged' || item.state === 'recurred') {
    return 'red';
  }
  if (item.kind.startsWith('case_')) {
    return 'orange';
  }
  return item.kind.startsWith('placard_') ? 'gray' : 'blue';
}

function ItemContent({ file, item }: { file: BuildingFile; item: TimelineItem }) {
  const { t, locale } = useI18n();
  const { title, tags } = timelineText(t, item, locale);
  const href = timelineHref(item, {
    streetCode: file.building.street.code,
    communityCode: file.building.community.code,
  });
  return (
    <div data-testid="timeline-item" data-kind={item.kind}>
      <div className="wb-muted wb-bf-small">{formatDateTime(item.at)}</div>
      <div>
        {href ? (
          <Link to={href} data-testid={`timeline-link-${item.kind}`}>
            {title}
          </Link>
        ) : (
          <span>{title}</span>
        )}{' '}
        {tags.map((tag) => (
          <Tag key={tag}>{tag}</Tag>
        ))}
      </div>
      {item.ticket && item.link.type !== 'ticket' ? (
        <div className="wb-bf-small">
          <Link to={`/workbench/tickets/${encodeURIComponent(item.ticket.id)}`}>
            {t('buildings.timeline.via_ticket', { code: item.ticket.trackingCode })}
          </Link>
        </div>
      ) : null}
    </div>
  );
}

/** Everything that happened at the building, newest first, with older pages on request. */
export function BuildingTimeline(props: BuildingTimelineProps) {
  const { t } = useI18n();
  if (props.items.length === 0) {
    return <Empty description={t('buildings.timeline.empty')} />;
  }
  return (
    <div data-testid="building-timeline">
      <Timeline
        items={props.items.map((item) => ({
          key: `${item.kind}:${item.link.id}:${item.at}`,
          color: colourOf(item),
          content: <ItemContent file={props.file} item={item} />,
        }))}
      />
      {props.nextBefore ? (
        <Button
          loading={props.loadingMore}
          data-testid="timeline-more"
          onClick={() => {
            if (props.nextBefore) {
              props.onMore(props.nextBefore);
            }
          }}
        >
          {t('buildings.timeline.more')}
        </Button>
      ) : (
        <div className="wb-muted wb-bf-small">{t('buildings.timeline.end')}</div>
      )}
    </div>
  );
}
